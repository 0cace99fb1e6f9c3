/*
 * Fuzz target: base64 (src/base/json.h), which the etcd JSON gateway uses for every key and
 * value it sends, so every byte of an etcd reply goes through ck_base64_decode.
 *
 * Invariants: the input as base64 text is accepted only when it is what the header
 * promises (standard alphabet, length a multiple of 4, at most two '=' and only at the end,
 * no whitespace), decodes to 3/4 of its length less the padding, and encodes back to text
 * that decodes to the same bytes; a rejection is a 400 with a message. The input as raw
 * bytes encodes to text that decodes back to exactly those bytes.
 */
#include "base/compat.h"

#include "base/error.h"
#include "base/json.h"

#include "fuzz.h"

#define ALPHABET "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

static void check_text(const char *s)
{
	struct ck_error *err = NULL;
	size_t n = strlen(s), len, len2, body, pad;
	char *out = ck_base64_decode(s, &len, &err), *again, *out2;

	if (!out) {
		FUZZ_CHECK(err && err->http_status == 400 && err->msg && *err->msg);
		ck_error_free(err);
		return;
	}
	body = strspn(s, ALPHABET);
	pad = strspn(s + body, "=");
	FUZZ_CHECKF(body + pad == n && pad <= 2 && n % 4 == 0, "'%s' accepted", s);
	FUZZ_CHECKF(len == n / 4 * 3 - pad, "'%s' gave %zu bytes", s, len);
	FUZZ_CHECK(out[len] == '\0');
	again = ck_base64_encode(out, len);
	FUZZ_CHECK(strlen(again) == n);
	out2 = ck_base64_decode(again, &len2, &err);
	FUZZ_CHECKF(out2, "'%s' encodes back as '%s', which does not decode", s, again);
	FUZZ_CHECK(len2 == len && !memcmp(out, out2, len));
	free(out2);
	free(again);
	free(out);
}

static void check_bytes(const uint8_t *data, size_t size)
{
	struct ck_error *err = NULL;
	char *text = ck_base64_encode(data, size), *out;
	size_t len;

	FUZZ_CHECK(strlen(text) == (size + 2) / 3 * 4);
	out = ck_base64_decode(text, &len, &err);
	FUZZ_CHECKF(out, "'%s' does not decode: %s", text, err ? err->msg : "");
	FUZZ_CHECK(len == size && !memcmp(out, data, size));
	free(out);
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);

	check_bytes(data, size);
	if (s)
		check_text(s);
	free(s);
	return 0;
}
