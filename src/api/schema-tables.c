/* clang-format off */
/*
 * The per-kind API schema tables (see schema.h): every type reachable from ckube's root
 * kinds, with JSON names, value kinds, protobuf numbers, required flags, patch strategies,
 * merge keys and list/map types.
 *
 * GENERATED FILE: do not edit. Regenerate with
 *   tools/gen-schema.py --api API --apimachinery APIMACHINERY \
 *       --upstream 'k8s.io/api v0.33.13 (63b731b23fe7df9be903976bee691952387abe01), k8s.io/apimachinery v0.33.13 (f091036ab312113e3040ead42ac0110cd22954b8)' \
 *       -o src/api/schema-tables.c
 * where API and APIMACHINERY are source trees of k8s.io/api and k8s.io/apimachinery
 * (github.com/kubernetes/api and github.com/kubernetes/apimachinery) at the versions
 * and commits that --upstream names.
 * Facts only (names, numbers, types, tags); no upstream description text is copied.
 * The layout is the generator's own and is kept out of clang-format (the markers above
 * and below), so that regenerating reproduces this file byte for byte.
 */
#include "base/compat.h"

#include "api/schema-int.h"

#define S_MERGE CK_PATCH_STRATEGY_MERGE
#define S_REPLACE CK_PATCH_STRATEGY_REPLACE
#define S_RETAIN_KEYS CK_PATCH_STRATEGY_RETAIN_KEYS

static const struct ck_schema_package pkg_api_apps_v1 = {.go_path = "k8s.io/api/apps/v1", .go_name = "v1", .openapi = "io.k8s.api.apps.v1", .proto = "k8s.io.api.apps.v1", .group = "apps", .version = "v1"};
static const struct ck_schema_package pkg_api_authentication_v1 = {.go_path = "k8s.io/api/authentication/v1", .go_name = "v1", .openapi = "io.k8s.api.authentication.v1", .proto = "k8s.io.api.authentication.v1", .group = "authentication.k8s.io", .version = "v1"};
static const struct ck_schema_package pkg_api_autoscaling_v1 = {.go_path = "k8s.io/api/autoscaling/v1", .go_name = "v1", .openapi = "io.k8s.api.autoscaling.v1", .proto = "k8s.io.api.autoscaling.v1", .group = "autoscaling", .version = "v1"};
static const struct ck_schema_package pkg_api_batch_v1 = {.go_path = "k8s.io/api/batch/v1", .go_name = "v1", .openapi = "io.k8s.api.batch.v1", .proto = "k8s.io.api.batch.v1", .group = "batch", .version = "v1"};
static const struct ck_schema_package pkg_api_coordination_v1 = {.go_path = "k8s.io/api/coordination/v1", .go_name = "v1", .openapi = "io.k8s.api.coordination.v1", .proto = "k8s.io.api.coordination.v1", .group = "coordination.k8s.io", .version = "v1"};
static const struct ck_schema_package pkg_api_core_v1 = {.go_path = "k8s.io/api/core/v1", .go_name = "v1", .openapi = "io.k8s.api.core.v1", .proto = "k8s.io.api.core.v1", .group = "", .version = "v1"};
static const struct ck_schema_package pkg_api_events_v1 = {.go_path = "k8s.io/api/events/v1", .go_name = "v1", .openapi = "io.k8s.api.events.v1", .proto = "k8s.io.api.events.v1", .group = "events.k8s.io", .version = "v1"};
static const struct ck_schema_package pkg_api_networking_v1 = {.go_path = "k8s.io/api/networking/v1", .go_name = "v1", .openapi = "io.k8s.api.networking.v1", .proto = "k8s.io.api.networking.v1", .group = "networking.k8s.io", .version = "v1"};
static const struct ck_schema_package pkg_api_policy_v1 = {.go_path = "k8s.io/api/policy/v1", .go_name = "v1", .openapi = "io.k8s.api.policy.v1", .proto = "k8s.io.api.policy.v1", .group = "policy", .version = "v1"};
static const struct ck_schema_package pkg_api_policy_v1beta1 = {.go_path = "k8s.io/api/policy/v1beta1", .go_name = "v1beta1", .openapi = "io.k8s.api.policy.v1beta1", .proto = "k8s.io.api.policy.v1beta1", .group = "policy", .version = "v1beta1"};
static const struct ck_schema_package pkg_api_rbac_v1 = {.go_path = "k8s.io/api/rbac/v1", .go_name = "v1", .openapi = "io.k8s.api.rbac.v1", .proto = "k8s.io.api.rbac.v1", .group = "rbac.authorization.k8s.io", .version = "v1"};
static const struct ck_schema_package pkg_api_scheduling_v1 = {.go_path = "k8s.io/api/scheduling/v1", .go_name = "v1", .openapi = "io.k8s.api.scheduling.v1", .proto = "k8s.io.api.scheduling.v1", .group = "scheduling.k8s.io", .version = "v1"};
static const struct ck_schema_package pkg_apimachinery_pkg_api_resource = {.go_path = "k8s.io/apimachinery/pkg/api/resource", .go_name = "resource", .openapi = "io.k8s.apimachinery.pkg.api.resource", .proto = "k8s.io.apimachinery.pkg.api.resource", .group = NULL, .version = NULL};
static const struct ck_schema_package pkg_apimachinery_pkg_apis_meta_v1 = {.go_path = "k8s.io/apimachinery/pkg/apis/meta/v1", .go_name = "v1", .openapi = "io.k8s.apimachinery.pkg.apis.meta.v1", .proto = "k8s.io.apimachinery.pkg.apis.meta.v1", .group = "meta.k8s.io", .version = "v1"};
static const struct ck_schema_package pkg_apimachinery_pkg_runtime = {.go_path = "k8s.io/apimachinery/pkg/runtime", .go_name = "runtime", .openapi = "io.k8s.apimachinery.pkg.runtime", .proto = "k8s.io.apimachinery.pkg.runtime", .group = NULL, .version = NULL};
static const struct ck_schema_package pkg_apimachinery_pkg_util_intstr = {.go_path = "k8s.io/apimachinery/pkg/util/intstr", .go_name = "intstr", .openapi = "io.k8s.apimachinery.pkg.util.intstr", .proto = "k8s.io.apimachinery.pkg.util.intstr", .group = NULL, .version = NULL};

static const struct ck_schema_type t_api_apps_v1_DaemonSet;
static const struct ck_schema_type t_api_apps_v1_DaemonSetCondition;
static const struct ck_schema_type t_api_apps_v1_DaemonSetList;
static const struct ck_schema_type t_api_apps_v1_DaemonSetSpec;
static const struct ck_schema_type t_api_apps_v1_DaemonSetStatus;
static const struct ck_schema_type t_api_apps_v1_DaemonSetUpdateStrategy;
static const struct ck_schema_type t_api_apps_v1_Deployment;
static const struct ck_schema_type t_api_apps_v1_DeploymentCondition;
static const struct ck_schema_type t_api_apps_v1_DeploymentList;
static const struct ck_schema_type t_api_apps_v1_DeploymentSpec;
static const struct ck_schema_type t_api_apps_v1_DeploymentStatus;
static const struct ck_schema_type t_api_apps_v1_DeploymentStrategy;
static const struct ck_schema_type t_api_apps_v1_ReplicaSet;
static const struct ck_schema_type t_api_apps_v1_ReplicaSetCondition;
static const struct ck_schema_type t_api_apps_v1_ReplicaSetList;
static const struct ck_schema_type t_api_apps_v1_ReplicaSetSpec;
static const struct ck_schema_type t_api_apps_v1_ReplicaSetStatus;
static const struct ck_schema_type t_api_apps_v1_RollingUpdateDaemonSet;
static const struct ck_schema_type t_api_apps_v1_RollingUpdateDeployment;
static const struct ck_schema_type t_api_apps_v1_RollingUpdateStatefulSetStrategy;
static const struct ck_schema_type t_api_apps_v1_StatefulSet;
static const struct ck_schema_type t_api_apps_v1_StatefulSetCondition;
static const struct ck_schema_type t_api_apps_v1_StatefulSetList;
static const struct ck_schema_type t_api_apps_v1_StatefulSetOrdinals;
static const struct ck_schema_type t_api_apps_v1_StatefulSetPersistentVolumeClaimRetentionPolicy;
static const struct ck_schema_type t_api_apps_v1_StatefulSetSpec;
static const struct ck_schema_type t_api_apps_v1_StatefulSetStatus;
static const struct ck_schema_type t_api_apps_v1_StatefulSetUpdateStrategy;
static const struct ck_schema_type t_api_authentication_v1_BoundObjectReference;
static const struct ck_schema_type t_api_authentication_v1_TokenRequest;
static const struct ck_schema_type t_api_authentication_v1_TokenRequestSpec;
static const struct ck_schema_type t_api_authentication_v1_TokenRequestStatus;
static const struct ck_schema_type t_api_autoscaling_v1_Scale;
static const struct ck_schema_type t_api_autoscaling_v1_ScaleSpec;
static const struct ck_schema_type t_api_autoscaling_v1_ScaleStatus;
static const struct ck_schema_type t_api_batch_v1_CronJob;
static const struct ck_schema_type t_api_batch_v1_CronJobList;
static const struct ck_schema_type t_api_batch_v1_CronJobSpec;
static const struct ck_schema_type t_api_batch_v1_CronJobStatus;
static const struct ck_schema_type t_api_batch_v1_Job;
static const struct ck_schema_type t_api_batch_v1_JobCondition;
static const struct ck_schema_type t_api_batch_v1_JobList;
static const struct ck_schema_type t_api_batch_v1_JobSpec;
static const struct ck_schema_type t_api_batch_v1_JobStatus;
static const struct ck_schema_type t_api_batch_v1_JobTemplateSpec;
static const struct ck_schema_type t_api_batch_v1_PodFailurePolicy;
static const struct ck_schema_type t_api_batch_v1_PodFailurePolicyOnExitCodesRequirement;
static const struct ck_schema_type t_api_batch_v1_PodFailurePolicyOnPodConditionsPattern;
static const struct ck_schema_type t_api_batch_v1_PodFailurePolicyRule;
static const struct ck_schema_type t_api_batch_v1_SuccessPolicy;
static const struct ck_schema_type t_api_batch_v1_SuccessPolicyRule;
static const struct ck_schema_type t_api_batch_v1_UncountedTerminatedPods;
static const struct ck_schema_type t_api_coordination_v1_Lease;
static const struct ck_schema_type t_api_coordination_v1_LeaseList;
static const struct ck_schema_type t_api_coordination_v1_LeaseSpec;
static const struct ck_schema_type t_api_core_v1_AWSElasticBlockStoreVolumeSource;
static const struct ck_schema_type t_api_core_v1_Affinity;
static const struct ck_schema_type t_api_core_v1_AppArmorProfile;
static const struct ck_schema_type t_api_core_v1_AttachedVolume;
static const struct ck_schema_type t_api_core_v1_AzureDiskVolumeSource;
static const struct ck_schema_type t_api_core_v1_AzureFileVolumeSource;
static const struct ck_schema_type t_api_core_v1_Binding;
static const struct ck_schema_type t_api_core_v1_CSIVolumeSource;
static const struct ck_schema_type t_api_core_v1_Capabilities;
static const struct ck_schema_type t_api_core_v1_CephFSVolumeSource;
static const struct ck_schema_type t_api_core_v1_CinderVolumeSource;
static const struct ck_schema_type t_api_core_v1_ClientIPConfig;
static const struct ck_schema_type t_api_core_v1_ClusterTrustBundleProjection;
static const struct ck_schema_type t_api_core_v1_ConfigMap;
static const struct ck_schema_type t_api_core_v1_ConfigMapEnvSource;
static const struct ck_schema_type t_api_core_v1_ConfigMapKeySelector;
static const struct ck_schema_type t_api_core_v1_ConfigMapList;
static const struct ck_schema_type t_api_core_v1_ConfigMapNodeConfigSource;
static const struct ck_schema_type t_api_core_v1_ConfigMapProjection;
static const struct ck_schema_type t_api_core_v1_ConfigMapVolumeSource;
static const struct ck_schema_type t_api_core_v1_Container;
static const struct ck_schema_type t_api_core_v1_ContainerImage;
static const struct ck_schema_type t_api_core_v1_ContainerPort;
static const struct ck_schema_type t_api_core_v1_ContainerResizePolicy;
static const struct ck_schema_type t_api_core_v1_ContainerState;
static const struct ck_schema_type t_api_core_v1_ContainerStateRunning;
static const struct ck_schema_type t_api_core_v1_ContainerStateTerminated;
static const struct ck_schema_type t_api_core_v1_ContainerStateWaiting;
static const struct ck_schema_type t_api_core_v1_ContainerStatus;
static const struct ck_schema_type t_api_core_v1_ContainerUser;
static const struct ck_schema_type t_api_core_v1_DaemonEndpoint;
static const struct ck_schema_type t_api_core_v1_DownwardAPIProjection;
static const struct ck_schema_type t_api_core_v1_DownwardAPIVolumeFile;
static const struct ck_schema_type t_api_core_v1_DownwardAPIVolumeSource;
static const struct ck_schema_type t_api_core_v1_EmptyDirVolumeSource;
static const struct ck_schema_type t_api_core_v1_EndpointAddress;
static const struct ck_schema_type t_api_core_v1_EndpointPort;
static const struct ck_schema_type t_api_core_v1_EndpointSubset;
static const struct ck_schema_type t_api_core_v1_Endpoints;
static const struct ck_schema_type t_api_core_v1_EndpointsList;
static const struct ck_schema_type t_api_core_v1_EnvFromSource;
static const struct ck_schema_type t_api_core_v1_EnvVar;
static const struct ck_schema_type t_api_core_v1_EnvVarSource;
static const struct ck_schema_type t_api_core_v1_EphemeralContainer;
static const struct ck_schema_type t_api_core_v1_EphemeralContainerCommon;
static const struct ck_schema_type t_api_core_v1_EphemeralVolumeSource;
static const struct ck_schema_type t_api_core_v1_Event;
static const struct ck_schema_type t_api_core_v1_EventList;
static const struct ck_schema_type t_api_core_v1_EventSeries;
static const struct ck_schema_type t_api_core_v1_EventSource;
static const struct ck_schema_type t_api_core_v1_ExecAction;
static const struct ck_schema_type t_api_core_v1_FCVolumeSource;
static const struct ck_schema_type t_api_core_v1_FlexVolumeSource;
static const struct ck_schema_type t_api_core_v1_FlockerVolumeSource;
static const struct ck_schema_type t_api_core_v1_GCEPersistentDiskVolumeSource;
static const struct ck_schema_type t_api_core_v1_GRPCAction;
static const struct ck_schema_type t_api_core_v1_GitRepoVolumeSource;
static const struct ck_schema_type t_api_core_v1_GlusterfsVolumeSource;
static const struct ck_schema_type t_api_core_v1_HTTPGetAction;
static const struct ck_schema_type t_api_core_v1_HTTPHeader;
static const struct ck_schema_type t_api_core_v1_HostAlias;
static const struct ck_schema_type t_api_core_v1_HostIP;
static const struct ck_schema_type t_api_core_v1_HostPathVolumeSource;
static const struct ck_schema_type t_api_core_v1_ISCSIVolumeSource;
static const struct ck_schema_type t_api_core_v1_ImageVolumeSource;
static const struct ck_schema_type t_api_core_v1_KeyToPath;
static const struct ck_schema_type t_api_core_v1_Lifecycle;
static const struct ck_schema_type t_api_core_v1_LifecycleHandler;
static const struct ck_schema_type t_api_core_v1_LinuxContainerUser;
static const struct ck_schema_type t_api_core_v1_LoadBalancerIngress;
static const struct ck_schema_type t_api_core_v1_LoadBalancerStatus;
static const struct ck_schema_type t_api_core_v1_LocalObjectReference;
static const struct ck_schema_type t_api_core_v1_ModifyVolumeStatus;
static const struct ck_schema_type t_api_core_v1_NFSVolumeSource;
static const struct ck_schema_type t_api_core_v1_Namespace;
static const struct ck_schema_type t_api_core_v1_NamespaceCondition;
static const struct ck_schema_type t_api_core_v1_NamespaceList;
static const struct ck_schema_type t_api_core_v1_NamespaceSpec;
static const struct ck_schema_type t_api_core_v1_NamespaceStatus;
static const struct ck_schema_type t_api_core_v1_Node;
static const struct ck_schema_type t_api_core_v1_NodeAddress;
static const struct ck_schema_type t_api_core_v1_NodeAffinity;
static const struct ck_schema_type t_api_core_v1_NodeCondition;
static const struct ck_schema_type t_api_core_v1_NodeConfigSource;
static const struct ck_schema_type t_api_core_v1_NodeConfigStatus;
static const struct ck_schema_type t_api_core_v1_NodeDaemonEndpoints;
static const struct ck_schema_type t_api_core_v1_NodeFeatures;
static const struct ck_schema_type t_api_core_v1_NodeList;
static const struct ck_schema_type t_api_core_v1_NodeRuntimeHandler;
static const struct ck_schema_type t_api_core_v1_NodeRuntimeHandlerFeatures;
static const struct ck_schema_type t_api_core_v1_NodeSelector;
static const struct ck_schema_type t_api_core_v1_NodeSelectorRequirement;
static const struct ck_schema_type t_api_core_v1_NodeSelectorTerm;
static const struct ck_schema_type t_api_core_v1_NodeSpec;
static const struct ck_schema_type t_api_core_v1_NodeStatus;
static const struct ck_schema_type t_api_core_v1_NodeSwapStatus;
static const struct ck_schema_type t_api_core_v1_NodeSystemInfo;
static const struct ck_schema_type t_api_core_v1_ObjectFieldSelector;
static const struct ck_schema_type t_api_core_v1_ObjectReference;
static const struct ck_schema_type t_api_core_v1_PersistentVolumeClaim;
static const struct ck_schema_type t_api_core_v1_PersistentVolumeClaimCondition;
static const struct ck_schema_type t_api_core_v1_PersistentVolumeClaimSpec;
static const struct ck_schema_type t_api_core_v1_PersistentVolumeClaimStatus;
static const struct ck_schema_type t_api_core_v1_PersistentVolumeClaimTemplate;
static const struct ck_schema_type t_api_core_v1_PersistentVolumeClaimVolumeSource;
static const struct ck_schema_type t_api_core_v1_PhotonPersistentDiskVolumeSource;
static const struct ck_schema_type t_api_core_v1_Pod;
static const struct ck_schema_type t_api_core_v1_PodAffinity;
static const struct ck_schema_type t_api_core_v1_PodAffinityTerm;
static const struct ck_schema_type t_api_core_v1_PodAntiAffinity;
static const struct ck_schema_type t_api_core_v1_PodCondition;
static const struct ck_schema_type t_api_core_v1_PodDNSConfig;
static const struct ck_schema_type t_api_core_v1_PodDNSConfigOption;
static const struct ck_schema_type t_api_core_v1_PodIP;
static const struct ck_schema_type t_api_core_v1_PodList;
static const struct ck_schema_type t_api_core_v1_PodOS;
static const struct ck_schema_type t_api_core_v1_PodReadinessGate;
static const struct ck_schema_type t_api_core_v1_PodResourceClaim;
static const struct ck_schema_type t_api_core_v1_PodResourceClaimStatus;
static const struct ck_schema_type t_api_core_v1_PodSchedulingGate;
static const struct ck_schema_type t_api_core_v1_PodSecurityContext;
static const struct ck_schema_type t_api_core_v1_PodSpec;
static const struct ck_schema_type t_api_core_v1_PodStatus;
static const struct ck_schema_type t_api_core_v1_PodTemplateSpec;
static const struct ck_schema_type t_api_core_v1_PortStatus;
static const struct ck_schema_type t_api_core_v1_PortworxVolumeSource;
static const struct ck_schema_type t_api_core_v1_PreferredSchedulingTerm;
static const struct ck_schema_type t_api_core_v1_Probe;
static const struct ck_schema_type t_api_core_v1_ProbeHandler;
static const struct ck_schema_type t_api_core_v1_ProjectedVolumeSource;
static const struct ck_schema_type t_api_core_v1_QuobyteVolumeSource;
static const struct ck_schema_type t_api_core_v1_RBDVolumeSource;
static const struct ck_schema_type t_api_core_v1_ResourceClaim;
static const struct ck_schema_type t_api_core_v1_ResourceFieldSelector;
static const struct ck_schema_type t_api_core_v1_ResourceHealth;
static const struct ck_schema_type t_api_core_v1_ResourceQuota;
static const struct ck_schema_type t_api_core_v1_ResourceQuotaList;
static const struct ck_schema_type t_api_core_v1_ResourceQuotaSpec;
static const struct ck_schema_type t_api_core_v1_ResourceQuotaStatus;
static const struct ck_schema_type t_api_core_v1_ResourceRequirements;
static const struct ck_schema_type t_api_core_v1_ResourceStatus;
static const struct ck_schema_type t_api_core_v1_SELinuxOptions;
static const struct ck_schema_type t_api_core_v1_ScaleIOVolumeSource;
static const struct ck_schema_type t_api_core_v1_ScopeSelector;
static const struct ck_schema_type t_api_core_v1_ScopedResourceSelectorRequirement;
static const struct ck_schema_type t_api_core_v1_SeccompProfile;
static const struct ck_schema_type t_api_core_v1_Secret;
static const struct ck_schema_type t_api_core_v1_SecretEnvSource;
static const struct ck_schema_type t_api_core_v1_SecretKeySelector;
static const struct ck_schema_type t_api_core_v1_SecretList;
static const struct ck_schema_type t_api_core_v1_SecretProjection;
static const struct ck_schema_type t_api_core_v1_SecretVolumeSource;
static const struct ck_schema_type t_api_core_v1_SecurityContext;
static const struct ck_schema_type t_api_core_v1_Service;
static const struct ck_schema_type t_api_core_v1_ServiceAccount;
static const struct ck_schema_type t_api_core_v1_ServiceAccountList;
static const struct ck_schema_type t_api_core_v1_ServiceAccountTokenProjection;
static const struct ck_schema_type t_api_core_v1_ServiceList;
static const struct ck_schema_type t_api_core_v1_ServicePort;
static const struct ck_schema_type t_api_core_v1_ServiceSpec;
static const struct ck_schema_type t_api_core_v1_ServiceStatus;
static const struct ck_schema_type t_api_core_v1_SessionAffinityConfig;
static const struct ck_schema_type t_api_core_v1_SleepAction;
static const struct ck_schema_type t_api_core_v1_StorageOSVolumeSource;
static const struct ck_schema_type t_api_core_v1_Sysctl;
static const struct ck_schema_type t_api_core_v1_TCPSocketAction;
static const struct ck_schema_type t_api_core_v1_Taint;
static const struct ck_schema_type t_api_core_v1_Toleration;
static const struct ck_schema_type t_api_core_v1_TopologySpreadConstraint;
static const struct ck_schema_type t_api_core_v1_TypedLocalObjectReference;
static const struct ck_schema_type t_api_core_v1_TypedObjectReference;
static const struct ck_schema_type t_api_core_v1_Volume;
static const struct ck_schema_type t_api_core_v1_VolumeDevice;
static const struct ck_schema_type t_api_core_v1_VolumeMount;
static const struct ck_schema_type t_api_core_v1_VolumeMountStatus;
static const struct ck_schema_type t_api_core_v1_VolumeProjection;
static const struct ck_schema_type t_api_core_v1_VolumeResourceRequirements;
static const struct ck_schema_type t_api_core_v1_VolumeSource;
static const struct ck_schema_type t_api_core_v1_VsphereVirtualDiskVolumeSource;
static const struct ck_schema_type t_api_core_v1_WeightedPodAffinityTerm;
static const struct ck_schema_type t_api_core_v1_WindowsSecurityContextOptions;
static const struct ck_schema_type t_api_events_v1_Event;
static const struct ck_schema_type t_api_events_v1_EventList;
static const struct ck_schema_type t_api_events_v1_EventSeries;
static const struct ck_schema_type t_api_networking_v1_HTTPIngressPath;
static const struct ck_schema_type t_api_networking_v1_HTTPIngressRuleValue;
static const struct ck_schema_type t_api_networking_v1_Ingress;
static const struct ck_schema_type t_api_networking_v1_IngressBackend;
static const struct ck_schema_type t_api_networking_v1_IngressList;
static const struct ck_schema_type t_api_networking_v1_IngressLoadBalancerIngress;
static const struct ck_schema_type t_api_networking_v1_IngressLoadBalancerStatus;
static const struct ck_schema_type t_api_networking_v1_IngressPortStatus;
static const struct ck_schema_type t_api_networking_v1_IngressRule;
static const struct ck_schema_type t_api_networking_v1_IngressRuleValue;
static const struct ck_schema_type t_api_networking_v1_IngressServiceBackend;
static const struct ck_schema_type t_api_networking_v1_IngressSpec;
static const struct ck_schema_type t_api_networking_v1_IngressStatus;
static const struct ck_schema_type t_api_networking_v1_IngressTLS;
static const struct ck_schema_type t_api_networking_v1_ServiceBackendPort;
static const struct ck_schema_type t_api_policy_v1_Eviction;
static const struct ck_schema_type t_api_policy_v1_PodDisruptionBudget;
static const struct ck_schema_type t_api_policy_v1_PodDisruptionBudgetList;
static const struct ck_schema_type t_api_policy_v1_PodDisruptionBudgetSpec;
static const struct ck_schema_type t_api_policy_v1_PodDisruptionBudgetStatus;
static const struct ck_schema_type t_api_policy_v1beta1_Eviction;
static const struct ck_schema_type t_api_policy_v1beta1_PodDisruptionBudget;
static const struct ck_schema_type t_api_policy_v1beta1_PodDisruptionBudgetList;
static const struct ck_schema_type t_api_policy_v1beta1_PodDisruptionBudgetSpec;
static const struct ck_schema_type t_api_policy_v1beta1_PodDisruptionBudgetStatus;
static const struct ck_schema_type t_api_rbac_v1_AggregationRule;
static const struct ck_schema_type t_api_rbac_v1_ClusterRole;
static const struct ck_schema_type t_api_rbac_v1_ClusterRoleBinding;
static const struct ck_schema_type t_api_rbac_v1_ClusterRoleBindingList;
static const struct ck_schema_type t_api_rbac_v1_ClusterRoleList;
static const struct ck_schema_type t_api_rbac_v1_PolicyRule;
static const struct ck_schema_type t_api_rbac_v1_Role;
static const struct ck_schema_type t_api_rbac_v1_RoleBinding;
static const struct ck_schema_type t_api_rbac_v1_RoleBindingList;
static const struct ck_schema_type t_api_rbac_v1_RoleList;
static const struct ck_schema_type t_api_rbac_v1_RoleRef;
static const struct ck_schema_type t_api_rbac_v1_Subject;
static const struct ck_schema_type t_api_scheduling_v1_PriorityClass;
static const struct ck_schema_type t_api_scheduling_v1_PriorityClassList;
static const struct ck_schema_type t_apimachinery_pkg_api_resource_Quantity;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_Condition;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_DeleteOptions;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_FieldsV1;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_LabelSelector;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_LabelSelectorRequirement;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_ListMeta;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_ManagedFieldsEntry;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_MicroTime;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_ObjectMeta;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_OwnerReference;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_Preconditions;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_Status;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_StatusCause;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_StatusDetails;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_Table;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_TableColumnDefinition;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_TableRow;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_TableRowCondition;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_Time;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_TypeMeta;
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_WatchEvent;
static const struct ck_schema_type t_apimachinery_pkg_runtime_RawExtension;
static const struct ck_schema_type t_apimachinery_pkg_runtime_TypeMeta;
static const struct ck_schema_type t_apimachinery_pkg_runtime_Unknown;
static const struct ck_schema_type t_apimachinery_pkg_util_intstr_IntOrString;

static const char *const mk_0[] = {"containerPort", "protocol", NULL};
static const char *const mk_1[] = {"devicePath", NULL};
static const char *const mk_2[] = {"ip", NULL};
static const char *const mk_3[] = {"mountPath", NULL};
static const char *const mk_4[] = {"name", NULL};
static const char *const mk_5[] = {"port", "protocol", NULL};
static const char *const mk_6[] = {"resourceID", NULL};
static const char *const mk_7[] = {"topologyKey", "whenUnsatisfiable", NULL};
static const char *const mk_8[] = {"type", NULL};
static const char *const mk_9[] = {"uid", NULL};

static const struct ck_schema_field f_api_apps_v1_DaemonSet[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_DaemonSetSpec, .go_type = "v1.DaemonSetSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_DaemonSetStatus, .go_type = "v1.DaemonSetStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_DaemonSet[] = {2, 3, 4};
static const struct ck_schema_type t_api_apps_v1_DaemonSet = {.name = "DaemonSet", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_DaemonSet, .proto_index = p_api_apps_v1_DaemonSet, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_DaemonSetCondition[] = {
	{.name = "lastTransitionTime", .proto = 3, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "message", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ConditionStatus", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.DaemonSetConditionType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_apps_v1_DaemonSetCondition[] = {4, 3, 0, 2, 1};
static const struct ck_schema_type t_api_apps_v1_DaemonSetCondition = {.name = "DaemonSetCondition", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_DaemonSetCondition, .proto_index = p_api_apps_v1_DaemonSetCondition, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_DaemonSetList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_DaemonSet, .go_type = "[]v1.DaemonSet", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_DaemonSetList[] = {3, 1};
static const struct ck_schema_type t_api_apps_v1_DaemonSetList = {.name = "DaemonSetList", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_DaemonSetList, .proto_index = p_api_apps_v1_DaemonSetList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_DaemonSetSpec[] = {
	{.name = "minReadySeconds", .proto = 4, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "revisionHistoryLimit", .proto = 6, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "selector", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_LabelSelector, .go_type = "v1.LabelSelector", .flags = CK_SCHEMA_F_POINTER | CK_SCHEMA_F_REQUIRED},
	{.name = "template", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodTemplateSpec, .go_type = "v1.PodTemplateSpec", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "updateStrategy", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_DaemonSetUpdateStrategy, .go_type = "v1.DaemonSetUpdateStrategy", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_DaemonSetSpec[] = {2, 3, 4, 0, 1};
static const struct ck_schema_type t_api_apps_v1_DaemonSetSpec = {.name = "DaemonSetSpec", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_DaemonSetSpec, .proto_index = p_api_apps_v1_DaemonSetSpec, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_DaemonSetStatus[] = {
	{.name = "collisionCount", .proto = 9, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "conditions", .proto = 10, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_DaemonSetCondition, .go_type = "[]v1.DaemonSetCondition", .strategy = S_MERGE, .merge_key = "type", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_8, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "currentNumberScheduled", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "desiredNumberScheduled", .proto = 3, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "numberAvailable", .proto = 7, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "numberMisscheduled", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "numberReady", .proto = 4, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "numberUnavailable", .proto = 8, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "observedGeneration", .proto = 5, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "updatedNumberScheduled", .proto = 6, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_DaemonSetStatus[] = {2, 5, 3, 6, 8, 9, 4, 7, 0, 1};
static const struct ck_schema_type t_api_apps_v1_DaemonSetStatus = {.name = "DaemonSetStatus", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_DaemonSetStatus, .proto_index = p_api_apps_v1_DaemonSetStatus, .nfields = 10, .nextra = 0, .nproto = 10, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_DaemonSetUpdateStrategy[] = {
	{.name = "rollingUpdate", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_RollingUpdateDaemonSet, .go_type = "v1.RollingUpdateDaemonSet", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.DaemonSetUpdateStrategyType", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_DaemonSetUpdateStrategy[] = {1, 0};
static const struct ck_schema_type t_api_apps_v1_DaemonSetUpdateStrategy = {.name = "DaemonSetUpdateStrategy", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_DaemonSetUpdateStrategy, .proto_index = p_api_apps_v1_DaemonSetUpdateStrategy, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_Deployment[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_DeploymentSpec, .go_type = "v1.DeploymentSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_DeploymentStatus, .go_type = "v1.DeploymentStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_Deployment[] = {2, 3, 4};
static const struct ck_schema_type t_api_apps_v1_Deployment = {.name = "Deployment", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_Deployment, .proto_index = p_api_apps_v1_Deployment, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_DeploymentCondition[] = {
	{.name = "lastTransitionTime", .proto = 7, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "lastUpdateTime", .proto = 6, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "message", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ConditionStatus", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.DeploymentConditionType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_apps_v1_DeploymentCondition[] = {5, 4, 3, 2, 1, 0};
static const struct ck_schema_type t_api_apps_v1_DeploymentCondition = {.name = "DeploymentCondition", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_DeploymentCondition, .proto_index = p_api_apps_v1_DeploymentCondition, .nfields = 6, .nextra = 0, .nproto = 6, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_DeploymentList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_Deployment, .go_type = "[]v1.Deployment", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_DeploymentList[] = {3, 1};
static const struct ck_schema_type t_api_apps_v1_DeploymentList = {.name = "DeploymentList", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_DeploymentList, .proto_index = p_api_apps_v1_DeploymentList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_DeploymentSpec[] = {
	{.name = "minReadySeconds", .proto = 5, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "paused", .proto = 7, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "progressDeadlineSeconds", .proto = 9, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "replicas", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "revisionHistoryLimit", .proto = 6, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "selector", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_LabelSelector, .go_type = "v1.LabelSelector", .flags = CK_SCHEMA_F_POINTER | CK_SCHEMA_F_REQUIRED},
	{.name = "strategy", .proto = 4, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_DeploymentStrategy, .go_type = "v1.DeploymentStrategy", .strategy = S_RETAIN_KEYS, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "template", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodTemplateSpec, .go_type = "v1.PodTemplateSpec", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_apps_v1_DeploymentSpec[] = {3, 5, 7, 6, 0, 4, 1, 2};
static const struct ck_schema_type t_api_apps_v1_DeploymentSpec = {.name = "DeploymentSpec", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_DeploymentSpec, .proto_index = p_api_apps_v1_DeploymentSpec, .nfields = 8, .nextra = 0, .nproto = 8, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_DeploymentStatus[] = {
	{.name = "availableReplicas", .proto = 4, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "collisionCount", .proto = 8, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "conditions", .proto = 6, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_DeploymentCondition, .go_type = "[]v1.DeploymentCondition", .strategy = S_MERGE, .merge_key = "type", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_8, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "observedGeneration", .proto = 1, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readyReplicas", .proto = 7, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "replicas", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "terminatingReplicas", .proto = 9, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "unavailableReplicas", .proto = 5, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "updatedReplicas", .proto = 3, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_DeploymentStatus[] = {3, 5, 8, 0, 7, 2, 4, 1, 6};
static const struct ck_schema_type t_api_apps_v1_DeploymentStatus = {.name = "DeploymentStatus", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_DeploymentStatus, .proto_index = p_api_apps_v1_DeploymentStatus, .nfields = 9, .nextra = 0, .nproto = 9, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_DeploymentStrategy[] = {
	{.name = "rollingUpdate", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_RollingUpdateDeployment, .go_type = "v1.RollingUpdateDeployment", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.DeploymentStrategyType", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_DeploymentStrategy[] = {1, 0};
static const struct ck_schema_type t_api_apps_v1_DeploymentStrategy = {.name = "DeploymentStrategy", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_DeploymentStrategy, .proto_index = p_api_apps_v1_DeploymentStrategy, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_ReplicaSet[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_ReplicaSetSpec, .go_type = "v1.ReplicaSetSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_ReplicaSetStatus, .go_type = "v1.ReplicaSetStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_ReplicaSet[] = {2, 3, 4};
static const struct ck_schema_type t_api_apps_v1_ReplicaSet = {.name = "ReplicaSet", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_ReplicaSet, .proto_index = p_api_apps_v1_ReplicaSet, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_ReplicaSetCondition[] = {
	{.name = "lastTransitionTime", .proto = 3, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "message", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ConditionStatus", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.ReplicaSetConditionType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_apps_v1_ReplicaSetCondition[] = {4, 3, 0, 2, 1};
static const struct ck_schema_type t_api_apps_v1_ReplicaSetCondition = {.name = "ReplicaSetCondition", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_ReplicaSetCondition, .proto_index = p_api_apps_v1_ReplicaSetCondition, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_ReplicaSetList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_ReplicaSet, .go_type = "[]v1.ReplicaSet", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_ReplicaSetList[] = {3, 1};
static const struct ck_schema_type t_api_apps_v1_ReplicaSetList = {.name = "ReplicaSetList", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_ReplicaSetList, .proto_index = p_api_apps_v1_ReplicaSetList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_ReplicaSetSpec[] = {
	{.name = "minReadySeconds", .proto = 4, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "replicas", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "selector", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_LabelSelector, .go_type = "v1.LabelSelector", .flags = CK_SCHEMA_F_POINTER | CK_SCHEMA_F_REQUIRED},
	{.name = "template", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodTemplateSpec, .go_type = "v1.PodTemplateSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_ReplicaSetSpec[] = {1, 2, 3, 0};
static const struct ck_schema_type t_api_apps_v1_ReplicaSetSpec = {.name = "ReplicaSetSpec", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_ReplicaSetSpec, .proto_index = p_api_apps_v1_ReplicaSetSpec, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_ReplicaSetStatus[] = {
	{.name = "availableReplicas", .proto = 5, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "conditions", .proto = 6, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_ReplicaSetCondition, .go_type = "[]v1.ReplicaSetCondition", .strategy = S_MERGE, .merge_key = "type", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_8, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "fullyLabeledReplicas", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "observedGeneration", .proto = 3, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readyReplicas", .proto = 4, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "replicas", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "terminatingReplicas", .proto = 7, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_apps_v1_ReplicaSetStatus[] = {5, 2, 3, 4, 0, 1, 6};
static const struct ck_schema_type t_api_apps_v1_ReplicaSetStatus = {.name = "ReplicaSetStatus", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_ReplicaSetStatus, .proto_index = p_api_apps_v1_ReplicaSetStatus, .nfields = 7, .nextra = 0, .nproto = 7, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_RollingUpdateDaemonSet[] = {
	{.name = "maxSurge", .proto = 2, .kind = CK_SCHEMA_INT_OR_STRING, .type = &t_apimachinery_pkg_util_intstr_IntOrString, .go_type = "intstr.IntOrString", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "maxUnavailable", .proto = 1, .kind = CK_SCHEMA_INT_OR_STRING, .type = &t_apimachinery_pkg_util_intstr_IntOrString, .go_type = "intstr.IntOrString", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_apps_v1_RollingUpdateDaemonSet[] = {1, 0};
static const struct ck_schema_type t_api_apps_v1_RollingUpdateDaemonSet = {.name = "RollingUpdateDaemonSet", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_RollingUpdateDaemonSet, .proto_index = p_api_apps_v1_RollingUpdateDaemonSet, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_RollingUpdateDeployment[] = {
	{.name = "maxSurge", .proto = 2, .kind = CK_SCHEMA_INT_OR_STRING, .type = &t_apimachinery_pkg_util_intstr_IntOrString, .go_type = "intstr.IntOrString", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "maxUnavailable", .proto = 1, .kind = CK_SCHEMA_INT_OR_STRING, .type = &t_apimachinery_pkg_util_intstr_IntOrString, .go_type = "intstr.IntOrString", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_apps_v1_RollingUpdateDeployment[] = {1, 0};
static const struct ck_schema_type t_api_apps_v1_RollingUpdateDeployment = {.name = "RollingUpdateDeployment", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_RollingUpdateDeployment, .proto_index = p_api_apps_v1_RollingUpdateDeployment, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_RollingUpdateStatefulSetStrategy[] = {
	{.name = "maxUnavailable", .proto = 2, .kind = CK_SCHEMA_INT_OR_STRING, .type = &t_apimachinery_pkg_util_intstr_IntOrString, .go_type = "intstr.IntOrString", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "partition", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_apps_v1_RollingUpdateStatefulSetStrategy[] = {1, 0};
static const struct ck_schema_type t_api_apps_v1_RollingUpdateStatefulSetStrategy = {.name = "RollingUpdateStatefulSetStrategy", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_RollingUpdateStatefulSetStrategy, .proto_index = p_api_apps_v1_RollingUpdateStatefulSetStrategy, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_StatefulSet[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_StatefulSetSpec, .go_type = "v1.StatefulSetSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_StatefulSetStatus, .go_type = "v1.StatefulSetStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_StatefulSet[] = {2, 3, 4};
static const struct ck_schema_type t_api_apps_v1_StatefulSet = {.name = "StatefulSet", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_StatefulSet, .proto_index = p_api_apps_v1_StatefulSet, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_StatefulSetCondition[] = {
	{.name = "lastTransitionTime", .proto = 3, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "message", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ConditionStatus", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.StatefulSetConditionType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_apps_v1_StatefulSetCondition[] = {4, 3, 0, 2, 1};
static const struct ck_schema_type t_api_apps_v1_StatefulSetCondition = {.name = "StatefulSetCondition", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_StatefulSetCondition, .proto_index = p_api_apps_v1_StatefulSetCondition, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_StatefulSetList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_StatefulSet, .go_type = "[]v1.StatefulSet", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_StatefulSetList[] = {3, 1};
static const struct ck_schema_type t_api_apps_v1_StatefulSetList = {.name = "StatefulSetList", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_StatefulSetList, .proto_index = p_api_apps_v1_StatefulSetList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_StatefulSetOrdinals[] = {
	{.name = "start", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32"},
};
static const uint16_t p_api_apps_v1_StatefulSetOrdinals[] = {0};
static const struct ck_schema_type t_api_apps_v1_StatefulSetOrdinals = {.name = "StatefulSetOrdinals", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_StatefulSetOrdinals, .proto_index = p_api_apps_v1_StatefulSetOrdinals, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_StatefulSetPersistentVolumeClaimRetentionPolicy[] = {
	{.name = "whenDeleted", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.PersistentVolumeClaimRetentionPolicyType", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "whenScaled", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.PersistentVolumeClaimRetentionPolicyType", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_StatefulSetPersistentVolumeClaimRetentionPolicy[] = {0, 1};
static const struct ck_schema_type t_api_apps_v1_StatefulSetPersistentVolumeClaimRetentionPolicy = {.name = "StatefulSetPersistentVolumeClaimRetentionPolicy", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_StatefulSetPersistentVolumeClaimRetentionPolicy, .proto_index = p_api_apps_v1_StatefulSetPersistentVolumeClaimRetentionPolicy, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_StatefulSetSpec[] = {
	{.name = "minReadySeconds", .proto = 9, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "ordinals", .proto = 11, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_StatefulSetOrdinals, .go_type = "v1.StatefulSetOrdinals", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "persistentVolumeClaimRetentionPolicy", .proto = 10, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_StatefulSetPersistentVolumeClaimRetentionPolicy, .go_type = "v1.StatefulSetPersistentVolumeClaimRetentionPolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "podManagementPolicy", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "v1.PodManagementPolicyType", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "replicas", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "revisionHistoryLimit", .proto = 8, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "selector", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_LabelSelector, .go_type = "v1.LabelSelector", .flags = CK_SCHEMA_F_POINTER | CK_SCHEMA_F_REQUIRED},
	{.name = "serviceName", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string"},
	{.name = "template", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodTemplateSpec, .go_type = "v1.PodTemplateSpec", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "updateStrategy", .proto = 7, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_StatefulSetUpdateStrategy, .go_type = "v1.StatefulSetUpdateStrategy", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "volumeClaimTemplates", .proto = 4, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PersistentVolumeClaim, .go_type = "[]v1.PersistentVolumeClaim", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_StatefulSetSpec[] = {4, 6, 8, 10, 7, 3, 9, 5, 0, 2, 1};
static const struct ck_schema_type t_api_apps_v1_StatefulSetSpec = {.name = "StatefulSetSpec", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_StatefulSetSpec, .proto_index = p_api_apps_v1_StatefulSetSpec, .nfields = 11, .nextra = 0, .nproto = 11, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_StatefulSetStatus[] = {
	{.name = "availableReplicas", .proto = 11, .kind = CK_SCHEMA_INT32, .go_type = "int32"},
	{.name = "collisionCount", .proto = 9, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "conditions", .proto = 10, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_StatefulSetCondition, .go_type = "[]v1.StatefulSetCondition", .strategy = S_MERGE, .merge_key = "type", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_8, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "currentReplicas", .proto = 4, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "currentRevision", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "observedGeneration", .proto = 1, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readyReplicas", .proto = 3, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "replicas", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "updateRevision", .proto = 7, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "updatedReplicas", .proto = 5, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_StatefulSetStatus[] = {5, 7, 6, 3, 9, 4, 8, 1, 2, 0};
static const struct ck_schema_type t_api_apps_v1_StatefulSetStatus = {.name = "StatefulSetStatus", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_StatefulSetStatus, .proto_index = p_api_apps_v1_StatefulSetStatus, .nfields = 10, .nextra = 0, .nproto = 10, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_apps_v1_StatefulSetUpdateStrategy[] = {
	{.name = "rollingUpdate", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_apps_v1_RollingUpdateStatefulSetStrategy, .go_type = "v1.RollingUpdateStatefulSetStrategy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.StatefulSetUpdateStrategyType", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_apps_v1_StatefulSetUpdateStrategy[] = {1, 0};
static const struct ck_schema_type t_api_apps_v1_StatefulSetUpdateStrategy = {.name = "StatefulSetUpdateStrategy", .pkg = &pkg_api_apps_v1, .fields = f_api_apps_v1_StatefulSetUpdateStrategy, .proto_index = p_api_apps_v1_StatefulSetUpdateStrategy, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_authentication_v1_BoundObjectReference[] = {
	{.name = "apiVersion", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "kind", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "name", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "uid", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "types.UID", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_authentication_v1_BoundObjectReference[] = {1, 0, 2, 3};
static const struct ck_schema_type t_api_authentication_v1_BoundObjectReference = {.name = "BoundObjectReference", .pkg = &pkg_api_authentication_v1, .fields = f_api_authentication_v1_BoundObjectReference, .proto_index = p_api_authentication_v1_BoundObjectReference, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_authentication_v1_TokenRequest[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_authentication_v1_TokenRequestSpec, .go_type = "v1.TokenRequestSpec", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_authentication_v1_TokenRequestStatus, .go_type = "v1.TokenRequestStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_authentication_v1_TokenRequest[] = {2, 3, 4};
static const struct ck_schema_type t_api_authentication_v1_TokenRequest = {.name = "TokenRequest", .pkg = &pkg_api_authentication_v1, .fields = f_api_authentication_v1_TokenRequest, .proto_index = p_api_authentication_v1_TokenRequest, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_authentication_v1_TokenRequestSpec[] = {
	{.name = "audiences", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "boundObjectRef", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_authentication_v1_BoundObjectReference, .go_type = "v1.BoundObjectReference", .flags = CK_SCHEMA_F_POINTER},
	{.name = "expirationSeconds", .proto = 4, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_authentication_v1_TokenRequestSpec[] = {0, 1, 2};
static const struct ck_schema_type t_api_authentication_v1_TokenRequestSpec = {.name = "TokenRequestSpec", .pkg = &pkg_api_authentication_v1, .fields = f_api_authentication_v1_TokenRequestSpec, .proto_index = p_api_authentication_v1_TokenRequestSpec, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_authentication_v1_TokenRequestStatus[] = {
	{.name = "expirationTimestamp", .proto = 2, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "token", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_authentication_v1_TokenRequestStatus[] = {1, 0};
static const struct ck_schema_type t_api_authentication_v1_TokenRequestStatus = {.name = "TokenRequestStatus", .pkg = &pkg_api_authentication_v1, .fields = f_api_authentication_v1_TokenRequestStatus, .proto_index = p_api_authentication_v1_TokenRequestStatus, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_autoscaling_v1_Scale[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_autoscaling_v1_ScaleSpec, .go_type = "v1.ScaleSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_autoscaling_v1_ScaleStatus, .go_type = "v1.ScaleStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_autoscaling_v1_Scale[] = {2, 3, 4};
static const struct ck_schema_type t_api_autoscaling_v1_Scale = {.name = "Scale", .pkg = &pkg_api_autoscaling_v1, .fields = f_api_autoscaling_v1_Scale, .proto_index = p_api_autoscaling_v1_Scale, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_autoscaling_v1_ScaleSpec[] = {
	{.name = "replicas", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_autoscaling_v1_ScaleSpec[] = {0};
static const struct ck_schema_type t_api_autoscaling_v1_ScaleSpec = {.name = "ScaleSpec", .pkg = &pkg_api_autoscaling_v1, .fields = f_api_autoscaling_v1_ScaleSpec, .proto_index = p_api_autoscaling_v1_ScaleSpec, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_autoscaling_v1_ScaleStatus[] = {
	{.name = "replicas", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "selector", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_autoscaling_v1_ScaleStatus[] = {0, 1};
static const struct ck_schema_type t_api_autoscaling_v1_ScaleStatus = {.name = "ScaleStatus", .pkg = &pkg_api_autoscaling_v1, .fields = f_api_autoscaling_v1_ScaleStatus, .proto_index = p_api_autoscaling_v1_ScaleStatus, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_CronJob[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_CronJobSpec, .go_type = "v1.CronJobSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_CronJobStatus, .go_type = "v1.CronJobStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_batch_v1_CronJob[] = {2, 3, 4};
static const struct ck_schema_type t_api_batch_v1_CronJob = {.name = "CronJob", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_CronJob, .proto_index = p_api_batch_v1_CronJob, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_CronJobList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_CronJob, .go_type = "[]v1.CronJob", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_batch_v1_CronJobList[] = {3, 1};
static const struct ck_schema_type t_api_batch_v1_CronJobList = {.name = "CronJobList", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_CronJobList, .proto_index = p_api_batch_v1_CronJobList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_CronJobSpec[] = {
	{.name = "concurrencyPolicy", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "v1.ConcurrencyPolicy", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "failedJobsHistoryLimit", .proto = 7, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "jobTemplate", .proto = 5, .kind = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_JobTemplateSpec, .go_type = "v1.JobTemplateSpec", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "schedule", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "startingDeadlineSeconds", .proto = 2, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "successfulJobsHistoryLimit", .proto = 6, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "suspend", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "timeZone", .proto = 8, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_batch_v1_CronJobSpec[] = {3, 4, 0, 6, 2, 5, 1, 7};
static const struct ck_schema_type t_api_batch_v1_CronJobSpec = {.name = "CronJobSpec", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_CronJobSpec, .proto_index = p_api_batch_v1_CronJobSpec, .nfields = 8, .nextra = 0, .nproto = 8, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_CronJobStatus[] = {
	{.name = "active", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ObjectReference, .go_type = "[]v1.ObjectReference", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "lastScheduleTime", .proto = 4, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "lastSuccessfulTime", .proto = 5, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_batch_v1_CronJobStatus[] = {0, 1, 2};
static const struct ck_schema_type t_api_batch_v1_CronJobStatus = {.name = "CronJobStatus", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_CronJobStatus, .proto_index = p_api_batch_v1_CronJobStatus, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_Job[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_JobSpec, .go_type = "v1.JobSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_JobStatus, .go_type = "v1.JobStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_batch_v1_Job[] = {2, 3, 4};
static const struct ck_schema_type t_api_batch_v1_Job = {.name = "Job", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_Job, .proto_index = p_api_batch_v1_Job, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_JobCondition[] = {
	{.name = "lastProbeTime", .proto = 3, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "lastTransitionTime", .proto = 4, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "message", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ConditionStatus", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.JobConditionType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_batch_v1_JobCondition[] = {5, 4, 0, 1, 3, 2};
static const struct ck_schema_type t_api_batch_v1_JobCondition = {.name = "JobCondition", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_JobCondition, .proto_index = p_api_batch_v1_JobCondition, .nfields = 6, .nextra = 0, .nproto = 6, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_JobList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_Job, .go_type = "[]v1.Job", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_batch_v1_JobList[] = {3, 1};
static const struct ck_schema_type t_api_batch_v1_JobList = {.name = "JobList", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_JobList, .proto_index = p_api_batch_v1_JobList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_JobSpec[] = {
	{.name = "activeDeadlineSeconds", .proto = 3, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "backoffLimit", .proto = 7, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "backoffLimitPerIndex", .proto = 12, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "completionMode", .proto = 9, .kind = CK_SCHEMA_STRING, .go_type = "v1.CompletionMode", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "completions", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "managedBy", .proto = 15, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "manualSelector", .proto = 5, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "maxFailedIndexes", .proto = 13, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "parallelism", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "podFailurePolicy", .proto = 11, .kind = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_PodFailurePolicy, .go_type = "v1.PodFailurePolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "podReplacementPolicy", .proto = 14, .kind = CK_SCHEMA_STRING, .go_type = "v1.PodReplacementPolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "selector", .proto = 4, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_LabelSelector, .go_type = "v1.LabelSelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "successPolicy", .proto = 16, .kind = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_SuccessPolicy, .go_type = "v1.SuccessPolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "suspend", .proto = 10, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "template", .proto = 6, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodTemplateSpec, .go_type = "v1.PodTemplateSpec", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "ttlSecondsAfterFinished", .proto = 8, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_batch_v1_JobSpec[] = {8, 4, 0, 11, 6, 14, 1, 15, 3, 13, 9, 2, 7, 10, 5, 12};
static const struct ck_schema_type t_api_batch_v1_JobSpec = {.name = "JobSpec", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_JobSpec, .proto_index = p_api_batch_v1_JobSpec, .nfields = 16, .nextra = 0, .nproto = 16, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_JobStatus[] = {
	{.name = "active", .proto = 4, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "completedIndexes", .proto = 7, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "completionTime", .proto = 3, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "conditions", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_JobCondition, .go_type = "[]v1.JobCondition", .strategy = S_MERGE, .merge_key = "type", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "failed", .proto = 6, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "failedIndexes", .proto = 10, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "ready", .proto = 9, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "startTime", .proto = 2, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "succeeded", .proto = 5, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "terminating", .proto = 11, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "uncountedTerminatedPods", .proto = 8, .kind = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_UncountedTerminatedPods, .go_type = "v1.UncountedTerminatedPods", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_batch_v1_JobStatus[] = {3, 7, 2, 0, 8, 4, 1, 10, 6, 5, 9};
static const struct ck_schema_type t_api_batch_v1_JobStatus = {.name = "JobStatus", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_JobStatus, .proto_index = p_api_batch_v1_JobStatus, .nfields = 11, .nextra = 0, .nproto = 11, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_JobTemplateSpec[] = {
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_JobSpec, .go_type = "v1.JobSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_batch_v1_JobTemplateSpec[] = {0, 1};
static const struct ck_schema_type t_api_batch_v1_JobTemplateSpec = {.name = "JobTemplateSpec", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_JobTemplateSpec, .proto_index = p_api_batch_v1_JobTemplateSpec, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_PodFailurePolicy[] = {
	{.name = "rules", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_PodFailurePolicyRule, .go_type = "[]v1.PodFailurePolicyRule", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_batch_v1_PodFailurePolicy[] = {0};
static const struct ck_schema_type t_api_batch_v1_PodFailurePolicy = {.name = "PodFailurePolicy", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_PodFailurePolicy, .proto_index = p_api_batch_v1_PodFailurePolicy, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_PodFailurePolicyOnExitCodesRequirement[] = {
	{.name = "containerName", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "operator", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.PodFailurePolicyOnExitCodesOperator", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "values", .proto = 3, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_INT32, .go_type = "[]int32", .list_type = CK_SCHEMA_LIST_SET, .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_batch_v1_PodFailurePolicyOnExitCodesRequirement[] = {0, 1, 2};
static const struct ck_schema_type t_api_batch_v1_PodFailurePolicyOnExitCodesRequirement = {.name = "PodFailurePolicyOnExitCodesRequirement", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_PodFailurePolicyOnExitCodesRequirement, .proto_index = p_api_batch_v1_PodFailurePolicyOnExitCodesRequirement, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_PodFailurePolicyOnPodConditionsPattern[] = {
	{.name = "status", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ConditionStatus", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.PodConditionType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_batch_v1_PodFailurePolicyOnPodConditionsPattern[] = {1, 0};
static const struct ck_schema_type t_api_batch_v1_PodFailurePolicyOnPodConditionsPattern = {.name = "PodFailurePolicyOnPodConditionsPattern", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_PodFailurePolicyOnPodConditionsPattern, .proto_index = p_api_batch_v1_PodFailurePolicyOnPodConditionsPattern, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_PodFailurePolicyRule[] = {
	{.name = "action", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.PodFailurePolicyAction", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "onExitCodes", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_PodFailurePolicyOnExitCodesRequirement, .go_type = "v1.PodFailurePolicyOnExitCodesRequirement", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "onPodConditions", .proto = 3, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_PodFailurePolicyOnPodConditionsPattern, .go_type = "[]v1.PodFailurePolicyOnPodConditionsPattern", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_batch_v1_PodFailurePolicyRule[] = {0, 1, 2};
static const struct ck_schema_type t_api_batch_v1_PodFailurePolicyRule = {.name = "PodFailurePolicyRule", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_PodFailurePolicyRule, .proto_index = p_api_batch_v1_PodFailurePolicyRule, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_SuccessPolicy[] = {
	{.name = "rules", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_batch_v1_SuccessPolicyRule, .go_type = "[]v1.SuccessPolicyRule", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_batch_v1_SuccessPolicy[] = {0};
static const struct ck_schema_type t_api_batch_v1_SuccessPolicy = {.name = "SuccessPolicy", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_SuccessPolicy, .proto_index = p_api_batch_v1_SuccessPolicy, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_SuccessPolicyRule[] = {
	{.name = "succeededCount", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "succeededIndexes", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_batch_v1_SuccessPolicyRule[] = {1, 0};
static const struct ck_schema_type t_api_batch_v1_SuccessPolicyRule = {.name = "SuccessPolicyRule", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_SuccessPolicyRule, .proto_index = p_api_batch_v1_SuccessPolicyRule, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_batch_v1_UncountedTerminatedPods[] = {
	{.name = "failed", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]types.UID", .list_type = CK_SCHEMA_LIST_SET, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "succeeded", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]types.UID", .list_type = CK_SCHEMA_LIST_SET, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_batch_v1_UncountedTerminatedPods[] = {1, 0};
static const struct ck_schema_type t_api_batch_v1_UncountedTerminatedPods = {.name = "UncountedTerminatedPods", .pkg = &pkg_api_batch_v1, .fields = f_api_batch_v1_UncountedTerminatedPods, .proto_index = p_api_batch_v1_UncountedTerminatedPods, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_coordination_v1_Lease[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_coordination_v1_LeaseSpec, .go_type = "v1.LeaseSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_coordination_v1_Lease[] = {2, 3};
static const struct ck_schema_type t_api_coordination_v1_Lease = {.name = "Lease", .pkg = &pkg_api_coordination_v1, .fields = f_api_coordination_v1_Lease, .proto_index = p_api_coordination_v1_Lease, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_coordination_v1_LeaseList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_coordination_v1_Lease, .go_type = "[]v1.Lease", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_coordination_v1_LeaseList[] = {3, 1};
static const struct ck_schema_type t_api_coordination_v1_LeaseList = {.name = "LeaseList", .pkg = &pkg_api_coordination_v1, .fields = f_api_coordination_v1_LeaseList, .proto_index = p_api_coordination_v1_LeaseList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_coordination_v1_LeaseSpec[] = {
	{.name = "acquireTime", .proto = 3, .kind = CK_SCHEMA_MICRO_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_MicroTime, .go_type = "v1.MicroTime", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "holderIdentity", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "leaseDurationSeconds", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "leaseTransitions", .proto = 5, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "preferredHolder", .proto = 7, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "renewTime", .proto = 4, .kind = CK_SCHEMA_MICRO_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_MicroTime, .go_type = "v1.MicroTime", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "strategy", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "v1.CoordinatedLeaseStrategy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_coordination_v1_LeaseSpec[] = {1, 2, 0, 5, 3, 6, 4};
static const struct ck_schema_type t_api_coordination_v1_LeaseSpec = {.name = "LeaseSpec", .pkg = &pkg_api_coordination_v1, .fields = f_api_coordination_v1_LeaseSpec, .proto_index = p_api_coordination_v1_LeaseSpec, .nfields = 7, .nextra = 0, .nproto = 7, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_AWSElasticBlockStoreVolumeSource[] = {
	{.name = "fsType", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "partition", .proto = 3, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readOnly", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "volumeID", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_AWSElasticBlockStoreVolumeSource[] = {3, 0, 1, 2};
static const struct ck_schema_type t_api_core_v1_AWSElasticBlockStoreVolumeSource = {.name = "AWSElasticBlockStoreVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_AWSElasticBlockStoreVolumeSource, .proto_index = p_api_core_v1_AWSElasticBlockStoreVolumeSource, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Affinity[] = {
	{.name = "nodeAffinity", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeAffinity, .go_type = "v1.NodeAffinity", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "podAffinity", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodAffinity, .go_type = "v1.PodAffinity", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "podAntiAffinity", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodAntiAffinity, .go_type = "v1.PodAntiAffinity", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_Affinity[] = {0, 1, 2};
static const struct ck_schema_type t_api_core_v1_Affinity = {.name = "Affinity", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Affinity, .proto_index = p_api_core_v1_Affinity, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_AppArmorProfile[] = {
	{.name = "localhostProfile", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.AppArmorProfileType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_AppArmorProfile[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_AppArmorProfile = {.name = "AppArmorProfile", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_AppArmorProfile, .proto_index = p_api_core_v1_AppArmorProfile, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_AttachedVolume[] = {
	{.name = "devicePath", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.UniqueVolumeName", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_AttachedVolume[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_AttachedVolume = {.name = "AttachedVolume", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_AttachedVolume, .proto_index = p_api_core_v1_AttachedVolume, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_AzureDiskVolumeSource[] = {
	{.name = "cachingMode", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "v1.AzureDataDiskCachingMode", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "diskName", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "diskURI", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "fsType", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "kind", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "v1.AzureDataDiskKind", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "readOnly", .proto = 5, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_AzureDiskVolumeSource[] = {1, 2, 0, 3, 5, 4};
static const struct ck_schema_type t_api_core_v1_AzureDiskVolumeSource = {.name = "AzureDiskVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_AzureDiskVolumeSource, .proto_index = p_api_core_v1_AzureDiskVolumeSource, .nfields = 6, .nextra = 0, .nproto = 6, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_AzureFileVolumeSource[] = {
	{.name = "readOnly", .proto = 3, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "secretName", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "shareName", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_AzureFileVolumeSource[] = {1, 2, 0};
static const struct ck_schema_type t_api_core_v1_AzureFileVolumeSource = {.name = "AzureFileVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_AzureFileVolumeSource, .proto_index = p_api_core_v1_AzureFileVolumeSource, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Binding[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "target", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ObjectReference, .go_type = "v1.ObjectReference", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_Binding[] = {2, 3};
static const struct ck_schema_type t_api_core_v1_Binding = {.name = "Binding", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Binding, .proto_index = p_api_core_v1_Binding, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_CSIVolumeSource[] = {
	{.name = "driver", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "fsType", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "nodePublishSecretRef", .proto = 5, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "readOnly", .proto = 2, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "volumeAttributes", .proto = 4, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_STRING, .go_type = "map[string]string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_CSIVolumeSource[] = {0, 3, 1, 4, 2};
static const struct ck_schema_type t_api_core_v1_CSIVolumeSource = {.name = "CSIVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_CSIVolumeSource, .proto_index = p_api_core_v1_CSIVolumeSource, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Capabilities[] = {
	{.name = "add", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]v1.Capability", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "drop", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]v1.Capability", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_Capabilities[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_Capabilities = {.name = "Capabilities", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Capabilities, .proto_index = p_api_core_v1_Capabilities, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_CephFSVolumeSource[] = {
	{.name = "monitors", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "path", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readOnly", .proto = 6, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "secretFile", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "secretRef", .proto = 5, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "user", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_CephFSVolumeSource[] = {0, 1, 5, 3, 4, 2};
static const struct ck_schema_type t_api_core_v1_CephFSVolumeSource = {.name = "CephFSVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_CephFSVolumeSource, .proto_index = p_api_core_v1_CephFSVolumeSource, .nfields = 6, .nextra = 0, .nproto = 6, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_CinderVolumeSource[] = {
	{.name = "fsType", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readOnly", .proto = 3, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "secretRef", .proto = 4, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "volumeID", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_CinderVolumeSource[] = {3, 0, 1, 2};
static const struct ck_schema_type t_api_core_v1_CinderVolumeSource = {.name = "CinderVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_CinderVolumeSource, .proto_index = p_api_core_v1_CinderVolumeSource, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ClientIPConfig[] = {
	{.name = "timeoutSeconds", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_ClientIPConfig[] = {0};
static const struct ck_schema_type t_api_core_v1_ClientIPConfig = {.name = "ClientIPConfig", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ClientIPConfig, .proto_index = p_api_core_v1_ClientIPConfig, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ClusterTrustBundleProjection[] = {
	{.name = "labelSelector", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_LabelSelector, .go_type = "v1.LabelSelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "optional", .proto = 5, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "path", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "signerName", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_ClusterTrustBundleProjection[] = {1, 4, 0, 3, 2};
static const struct ck_schema_type t_api_core_v1_ClusterTrustBundleProjection = {.name = "ClusterTrustBundleProjection", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ClusterTrustBundleProjection, .proto_index = p_api_core_v1_ClusterTrustBundleProjection, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ConfigMap[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "binaryData", .proto = 3, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_BYTES, .go_type = "map[string][]uint8", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "data", .proto = 2, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_STRING, .go_type = "map[string]string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "immutable", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ConfigMap[] = {5, 2, 1, 3};
static const struct ck_schema_type t_api_core_v1_ConfigMap = {.name = "ConfigMap", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ConfigMap, .proto_index = p_api_core_v1_ConfigMap, .nfields = 6, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ConfigMapEnvSource[] = {
	{.name = "name", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "optional", .proto = 2, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "localObjectReference", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_INLINE},
};
static const uint16_t p_api_core_v1_ConfigMapEnvSource[] = {2, 1};
static const struct ck_schema_type t_api_core_v1_ConfigMapEnvSource = {.name = "ConfigMapEnvSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ConfigMapEnvSource, .proto_index = p_api_core_v1_ConfigMapEnvSource, .nfields = 2, .nextra = 1, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ConfigMapKeySelector[] = {
	{.name = "key", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "name", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "optional", .proto = 3, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "localObjectReference", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_INLINE},
};
static const uint16_t p_api_core_v1_ConfigMapKeySelector[] = {3, 0, 2};
static const struct ck_schema_type t_api_core_v1_ConfigMapKeySelector = {.name = "ConfigMapKeySelector", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ConfigMapKeySelector, .proto_index = p_api_core_v1_ConfigMapKeySelector, .nfields = 3, .nextra = 1, .nproto = 3, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ConfigMapList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ConfigMap, .go_type = "[]v1.ConfigMap", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ConfigMapList[] = {3, 1};
static const struct ck_schema_type t_api_core_v1_ConfigMapList = {.name = "ConfigMapList", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ConfigMapList, .proto_index = p_api_core_v1_ConfigMapList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ConfigMapNodeConfigSource[] = {
	{.name = "kubeletConfigKey", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "name", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "namespace", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "resourceVersion", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "uid", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "types.UID", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ConfigMapNodeConfigSource[] = {2, 1, 4, 3, 0};
static const struct ck_schema_type t_api_core_v1_ConfigMapNodeConfigSource = {.name = "ConfigMapNodeConfigSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ConfigMapNodeConfigSource, .proto_index = p_api_core_v1_ConfigMapNodeConfigSource, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ConfigMapProjection[] = {
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_KeyToPath, .go_type = "[]v1.KeyToPath", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "name", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "optional", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "localObjectReference", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_INLINE},
};
static const uint16_t p_api_core_v1_ConfigMapProjection[] = {3, 0, 2};
static const struct ck_schema_type t_api_core_v1_ConfigMapProjection = {.name = "ConfigMapProjection", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ConfigMapProjection, .proto_index = p_api_core_v1_ConfigMapProjection, .nfields = 3, .nextra = 1, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ConfigMapVolumeSource[] = {
	{.name = "defaultMode", .proto = 3, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_KeyToPath, .go_type = "[]v1.KeyToPath", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "name", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "optional", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "localObjectReference", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_INLINE},
};
static const uint16_t p_api_core_v1_ConfigMapVolumeSource[] = {4, 1, 0, 3};
static const struct ck_schema_type t_api_core_v1_ConfigMapVolumeSource = {.name = "ConfigMapVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ConfigMapVolumeSource, .proto_index = p_api_core_v1_ConfigMapVolumeSource, .nfields = 4, .nextra = 1, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Container[] = {
	{.name = "args", .proto = 4, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "command", .proto = 3, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "env", .proto = 7, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EnvVar, .go_type = "[]v1.EnvVar", .strategy = S_MERGE, .merge_key = "name", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_4, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "envFrom", .proto = 19, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EnvFromSource, .go_type = "[]v1.EnvFromSource", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "image", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "imagePullPolicy", .proto = 14, .kind = CK_SCHEMA_STRING, .go_type = "v1.PullPolicy", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "lifecycle", .proto = 12, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Lifecycle, .go_type = "v1.Lifecycle", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "livenessProbe", .proto = 10, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Probe, .go_type = "v1.Probe", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "ports", .proto = 6, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerPort, .go_type = "[]v1.ContainerPort", .strategy = S_MERGE, .merge_key = "containerPort", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_0, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readinessProbe", .proto = 11, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Probe, .go_type = "v1.Probe", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "resizePolicy", .proto = 23, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerResizePolicy, .go_type = "[]v1.ContainerResizePolicy", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "resources", .proto = 8, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ResourceRequirements, .go_type = "v1.ResourceRequirements", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "restartPolicy", .proto = 24, .kind = CK_SCHEMA_STRING, .go_type = "v1.ContainerRestartPolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "securityContext", .proto = 15, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_SecurityContext, .go_type = "v1.SecurityContext", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "startupProbe", .proto = 22, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Probe, .go_type = "v1.Probe", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "stdin", .proto = 16, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "stdinOnce", .proto = 17, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "terminationMessagePath", .proto = 13, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "terminationMessagePolicy", .proto = 20, .kind = CK_SCHEMA_STRING, .go_type = "v1.TerminationMessagePolicy", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "tty", .proto = 18, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "volumeDevices", .proto = 21, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_VolumeDevice, .go_type = "[]v1.VolumeDevice", .strategy = S_MERGE, .merge_key = "devicePath", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_1, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "volumeMounts", .proto = 9, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_VolumeMount, .go_type = "[]v1.VolumeMount", .strategy = S_MERGE, .merge_key = "mountPath", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_3, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "workingDir", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_Container[] = {8, 4, 1, 0, 23, 9, 2, 12, 22, 7, 10, 6, 18, 5, 14, 16, 17, 20, 3, 19, 21, 15, 11, 13};
static const struct ck_schema_type t_api_core_v1_Container = {.name = "Container", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Container, .proto_index = p_api_core_v1_Container, .nfields = 24, .nextra = 0, .nproto = 24, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ContainerImage[] = {
	{.name = "names", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC},
	{.name = "sizeBytes", .proto = 2, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ContainerImage[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_ContainerImage = {.name = "ContainerImage", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ContainerImage, .proto_index = p_api_core_v1_ContainerImage, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ContainerPort[] = {
	{.name = "containerPort", .proto = 3, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "hostIP", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "hostPort", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "protocol", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "v1.Protocol", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ContainerPort[] = {3, 2, 0, 4, 1};
static const struct ck_schema_type t_api_core_v1_ContainerPort = {.name = "ContainerPort", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ContainerPort, .proto_index = p_api_core_v1_ContainerPort, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ContainerResizePolicy[] = {
	{.name = "resourceName", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.ResourceName", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "restartPolicy", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ResourceResizeRestartPolicy", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_ContainerResizePolicy[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_ContainerResizePolicy = {.name = "ContainerResizePolicy", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ContainerResizePolicy, .proto_index = p_api_core_v1_ContainerResizePolicy, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ContainerState[] = {
	{.name = "running", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerStateRunning, .go_type = "v1.ContainerStateRunning", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "terminated", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerStateTerminated, .go_type = "v1.ContainerStateTerminated", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "waiting", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerStateWaiting, .go_type = "v1.ContainerStateWaiting", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_ContainerState[] = {2, 0, 1};
static const struct ck_schema_type t_api_core_v1_ContainerState = {.name = "ContainerState", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ContainerState, .proto_index = p_api_core_v1_ContainerState, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ContainerStateRunning[] = {
	{.name = "startedAt", .proto = 1, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ContainerStateRunning[] = {0};
static const struct ck_schema_type t_api_core_v1_ContainerStateRunning = {.name = "ContainerStateRunning", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ContainerStateRunning, .proto_index = p_api_core_v1_ContainerStateRunning, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ContainerStateTerminated[] = {
	{.name = "containerID", .proto = 7, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "exitCode", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "finishedAt", .proto = 6, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "message", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "signal", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "startedAt", .proto = 5, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ContainerStateTerminated[] = {1, 5, 4, 3, 6, 2, 0};
static const struct ck_schema_type t_api_core_v1_ContainerStateTerminated = {.name = "ContainerStateTerminated", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ContainerStateTerminated, .proto_index = p_api_core_v1_ContainerStateTerminated, .nfields = 7, .nextra = 0, .nproto = 7, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ContainerStateWaiting[] = {
	{.name = "message", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ContainerStateWaiting[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_ContainerStateWaiting = {.name = "ContainerStateWaiting", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ContainerStateWaiting, .proto_index = p_api_core_v1_ContainerStateWaiting, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ContainerStatus[] = {
	{.name = "allocatedResources", .proto = 10, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "v1.ResourceList", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "allocatedResourcesStatus", .proto = 14, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ResourceStatus, .go_type = "[]v1.ResourceStatus", .strategy = S_MERGE, .merge_key = "name", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_4, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "containerID", .proto = 8, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "image", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "imageID", .proto = 7, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "lastState", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerState, .go_type = "v1.ContainerState", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "ready", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "resources", .proto = 11, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ResourceRequirements, .go_type = "v1.ResourceRequirements", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "restartCount", .proto = 5, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "started", .proto = 9, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "state", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerState, .go_type = "v1.ContainerState", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "stopSignal", .proto = 15, .kind = CK_SCHEMA_STRING, .go_type = "v1.Signal", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "user", .proto = 13, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerUser, .go_type = "v1.ContainerUser", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "volumeMounts", .proto = 12, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_VolumeMountStatus, .go_type = "[]v1.VolumeMountStatus", .strategy = S_MERGE, .merge_key = "mountPath", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_3, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ContainerStatus[] = {6, 11, 5, 7, 9, 3, 4, 2, 10, 0, 8, 14, 13, 1, 12};
static const struct ck_schema_type t_api_core_v1_ContainerStatus = {.name = "ContainerStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ContainerStatus, .proto_index = p_api_core_v1_ContainerStatus, .nfields = 15, .nextra = 0, .nproto = 15, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ContainerUser[] = {
	{.name = "linux", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LinuxContainerUser, .go_type = "v1.LinuxContainerUser", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_ContainerUser[] = {0};
static const struct ck_schema_type t_api_core_v1_ContainerUser = {.name = "ContainerUser", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ContainerUser, .proto_index = p_api_core_v1_ContainerUser, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_DaemonEndpoint[] = {
	{.name = "Port", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_DaemonEndpoint[] = {0};
static const struct ck_schema_type t_api_core_v1_DaemonEndpoint = {.name = "DaemonEndpoint", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_DaemonEndpoint, .proto_index = p_api_core_v1_DaemonEndpoint, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_DownwardAPIProjection[] = {
	{.name = "items", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_DownwardAPIVolumeFile, .go_type = "[]v1.DownwardAPIVolumeFile", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_DownwardAPIProjection[] = {0};
static const struct ck_schema_type t_api_core_v1_DownwardAPIProjection = {.name = "DownwardAPIProjection", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_DownwardAPIProjection, .proto_index = p_api_core_v1_DownwardAPIProjection, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_DownwardAPIVolumeFile[] = {
	{.name = "fieldRef", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ObjectFieldSelector, .go_type = "v1.ObjectFieldSelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "mode", .proto = 4, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "path", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "resourceFieldRef", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ResourceFieldSelector, .go_type = "v1.ResourceFieldSelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_DownwardAPIVolumeFile[] = {2, 0, 3, 1};
static const struct ck_schema_type t_api_core_v1_DownwardAPIVolumeFile = {.name = "DownwardAPIVolumeFile", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_DownwardAPIVolumeFile, .proto_index = p_api_core_v1_DownwardAPIVolumeFile, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_DownwardAPIVolumeSource[] = {
	{.name = "defaultMode", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "items", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_DownwardAPIVolumeFile, .go_type = "[]v1.DownwardAPIVolumeFile", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_DownwardAPIVolumeSource[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_DownwardAPIVolumeSource = {.name = "DownwardAPIVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_DownwardAPIVolumeSource, .proto_index = p_api_core_v1_DownwardAPIVolumeSource, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_EmptyDirVolumeSource[] = {
	{.name = "medium", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.StorageMedium", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "sizeLimit", .proto = 2, .kind = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "resource.Quantity", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_EmptyDirVolumeSource[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_EmptyDirVolumeSource = {.name = "EmptyDirVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_EmptyDirVolumeSource, .proto_index = p_api_core_v1_EmptyDirVolumeSource, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_EndpointAddress[] = {
	{.name = "hostname", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "ip", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "nodeName", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "targetRef", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ObjectReference, .go_type = "v1.ObjectReference", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_EndpointAddress[] = {1, 3, 0, 2};
static const struct ck_schema_type t_api_core_v1_EndpointAddress = {.name = "EndpointAddress", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_EndpointAddress, .proto_index = p_api_core_v1_EndpointAddress, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_EndpointPort[] = {
	{.name = "appProtocol", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "port", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "protocol", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "v1.Protocol", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_EndpointPort[] = {1, 2, 3, 0};
static const struct ck_schema_type t_api_core_v1_EndpointPort = {.name = "EndpointPort", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_EndpointPort, .proto_index = p_api_core_v1_EndpointPort, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_EndpointSubset[] = {
	{.name = "addresses", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EndpointAddress, .go_type = "[]v1.EndpointAddress", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "notReadyAddresses", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EndpointAddress, .go_type = "[]v1.EndpointAddress", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "ports", .proto = 3, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EndpointPort, .go_type = "[]v1.EndpointPort", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_EndpointSubset[] = {0, 1, 2};
static const struct ck_schema_type t_api_core_v1_EndpointSubset = {.name = "EndpointSubset", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_EndpointSubset, .proto_index = p_api_core_v1_EndpointSubset, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Endpoints[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "subsets", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EndpointSubset, .go_type = "[]v1.EndpointSubset", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_Endpoints[] = {2, 3};
static const struct ck_schema_type t_api_core_v1_Endpoints = {.name = "Endpoints", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Endpoints, .proto_index = p_api_core_v1_Endpoints, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_EndpointsList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Endpoints, .go_type = "[]v1.Endpoints", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_EndpointsList[] = {3, 1};
static const struct ck_schema_type t_api_core_v1_EndpointsList = {.name = "EndpointsList", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_EndpointsList, .proto_index = p_api_core_v1_EndpointsList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_EnvFromSource[] = {
	{.name = "configMapRef", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ConfigMapEnvSource, .go_type = "v1.ConfigMapEnvSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "prefix", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "secretRef", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_SecretEnvSource, .go_type = "v1.SecretEnvSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_EnvFromSource[] = {1, 0, 2};
static const struct ck_schema_type t_api_core_v1_EnvFromSource = {.name = "EnvFromSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_EnvFromSource, .proto_index = p_api_core_v1_EnvFromSource, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_EnvVar[] = {
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "value", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "valueFrom", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EnvVarSource, .go_type = "v1.EnvVarSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_EnvVar[] = {0, 1, 2};
static const struct ck_schema_type t_api_core_v1_EnvVar = {.name = "EnvVar", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_EnvVar, .proto_index = p_api_core_v1_EnvVar, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_EnvVarSource[] = {
	{.name = "configMapKeyRef", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ConfigMapKeySelector, .go_type = "v1.ConfigMapKeySelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "fieldRef", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ObjectFieldSelector, .go_type = "v1.ObjectFieldSelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "resourceFieldRef", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ResourceFieldSelector, .go_type = "v1.ResourceFieldSelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "secretKeyRef", .proto = 4, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_SecretKeySelector, .go_type = "v1.SecretKeySelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_EnvVarSource[] = {1, 2, 0, 3};
static const struct ck_schema_type t_api_core_v1_EnvVarSource = {.name = "EnvVarSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_EnvVarSource, .proto_index = p_api_core_v1_EnvVarSource, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_EphemeralContainer[] = {
	{.name = "args", .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "command", .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "env", .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EnvVar, .go_type = "[]v1.EnvVar", .strategy = S_MERGE, .merge_key = "name", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_4, .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "envFrom", .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EnvFromSource, .go_type = "[]v1.EnvFromSource", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "image", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "imagePullPolicy", .kind = CK_SCHEMA_STRING, .go_type = "v1.PullPolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "lifecycle", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Lifecycle, .go_type = "v1.Lifecycle", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "livenessProbe", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Probe, .go_type = "v1.Probe", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "name", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_PROMOTED | CK_SCHEMA_F_REQUIRED},
	{.name = "ports", .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerPort, .go_type = "[]v1.ContainerPort", .strategy = S_MERGE, .merge_key = "containerPort", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_0, .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "readinessProbe", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Probe, .go_type = "v1.Probe", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "resizePolicy", .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerResizePolicy, .go_type = "[]v1.ContainerResizePolicy", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "resources", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ResourceRequirements, .go_type = "v1.ResourceRequirements", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "restartPolicy", .kind = CK_SCHEMA_STRING, .go_type = "v1.ContainerRestartPolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "securityContext", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_SecurityContext, .go_type = "v1.SecurityContext", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "startupProbe", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Probe, .go_type = "v1.Probe", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "stdin", .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "stdinOnce", .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "targetContainerName", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "terminationMessagePath", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "terminationMessagePolicy", .kind = CK_SCHEMA_STRING, .go_type = "v1.TerminationMessagePolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "tty", .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "volumeDevices", .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_VolumeDevice, .go_type = "[]v1.VolumeDevice", .strategy = S_MERGE, .merge_key = "devicePath", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_1, .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "volumeMounts", .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_VolumeMount, .go_type = "[]v1.VolumeMount", .strategy = S_MERGE, .merge_key = "mountPath", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_3, .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "workingDir", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "ephemeralContainerCommon", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EphemeralContainerCommon, .go_type = "v1.EphemeralContainerCommon", .flags = CK_SCHEMA_F_INLINE},
};
static const uint16_t p_api_core_v1_EphemeralContainer[] = {25, 18};
static const struct ck_schema_type t_api_core_v1_EphemeralContainer = {.name = "EphemeralContainer", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_EphemeralContainer, .proto_index = p_api_core_v1_EphemeralContainer, .nfields = 25, .nextra = 1, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_EphemeralContainerCommon[] = {
	{.name = "args", .proto = 4, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "command", .proto = 3, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "env", .proto = 7, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EnvVar, .go_type = "[]v1.EnvVar", .strategy = S_MERGE, .merge_key = "name", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_4, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "envFrom", .proto = 19, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EnvFromSource, .go_type = "[]v1.EnvFromSource", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "image", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "imagePullPolicy", .proto = 14, .kind = CK_SCHEMA_STRING, .go_type = "v1.PullPolicy", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "lifecycle", .proto = 12, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Lifecycle, .go_type = "v1.Lifecycle", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "livenessProbe", .proto = 10, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Probe, .go_type = "v1.Probe", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "ports", .proto = 6, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerPort, .go_type = "[]v1.ContainerPort", .strategy = S_MERGE, .merge_key = "containerPort", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_0, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readinessProbe", .proto = 11, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Probe, .go_type = "v1.Probe", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "resizePolicy", .proto = 23, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerResizePolicy, .go_type = "[]v1.ContainerResizePolicy", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "resources", .proto = 8, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ResourceRequirements, .go_type = "v1.ResourceRequirements", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "restartPolicy", .proto = 24, .kind = CK_SCHEMA_STRING, .go_type = "v1.ContainerRestartPolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "securityContext", .proto = 15, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_SecurityContext, .go_type = "v1.SecurityContext", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "startupProbe", .proto = 22, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Probe, .go_type = "v1.Probe", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "stdin", .proto = 16, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "stdinOnce", .proto = 17, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "terminationMessagePath", .proto = 13, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "terminationMessagePolicy", .proto = 20, .kind = CK_SCHEMA_STRING, .go_type = "v1.TerminationMessagePolicy", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "tty", .proto = 18, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "volumeDevices", .proto = 21, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_VolumeDevice, .go_type = "[]v1.VolumeDevice", .strategy = S_MERGE, .merge_key = "devicePath", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_1, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "volumeMounts", .proto = 9, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_VolumeMount, .go_type = "[]v1.VolumeMount", .strategy = S_MERGE, .merge_key = "mountPath", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_3, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "workingDir", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_EphemeralContainerCommon[] = {8, 4, 1, 0, 23, 9, 2, 12, 22, 7, 10, 6, 18, 5, 14, 16, 17, 20, 3, 19, 21, 15, 11, 13};
static const struct ck_schema_type t_api_core_v1_EphemeralContainerCommon = {.name = "EphemeralContainerCommon", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_EphemeralContainerCommon, .proto_index = p_api_core_v1_EphemeralContainerCommon, .nfields = 24, .nextra = 0, .nproto = 24, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_EphemeralVolumeSource[] = {
	{.name = "volumeClaimTemplate", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PersistentVolumeClaimTemplate, .go_type = "v1.PersistentVolumeClaimTemplate", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_EphemeralVolumeSource[] = {0};
static const struct ck_schema_type t_api_core_v1_EphemeralVolumeSource = {.name = "EphemeralVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_EphemeralVolumeSource, .proto_index = p_api_core_v1_EphemeralVolumeSource, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Event[] = {
	{.name = "action", .proto = 12, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "count", .proto = 8, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "eventTime", .proto = 10, .kind = CK_SCHEMA_MICRO_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_MicroTime, .go_type = "v1.MicroTime", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "firstTimestamp", .proto = 6, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "involvedObject", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ObjectReference, .go_type = "v1.ObjectReference", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "lastTimestamp", .proto = 7, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "message", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "reason", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "related", .proto = 13, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ObjectReference, .go_type = "v1.ObjectReference", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "reportingComponent", .proto = 14, .kind = CK_SCHEMA_STRING, .go_type = "string"},
	{.name = "reportingInstance", .proto = 15, .kind = CK_SCHEMA_STRING, .go_type = "string"},
	{.name = "series", .proto = 11, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EventSeries, .go_type = "v1.EventSeries", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "source", .proto = 5, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EventSource, .go_type = "v1.EventSource", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "type", .proto = 9, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_Event[] = {9, 5, 10, 8, 15, 4, 7, 2, 16, 3, 14, 0, 11, 12, 13};
static const struct ck_schema_type t_api_core_v1_Event = {.name = "Event", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Event, .proto_index = p_api_core_v1_Event, .nfields = 17, .nextra = 0, .nproto = 15, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_EventList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Event, .go_type = "[]v1.Event", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_EventList[] = {3, 1};
static const struct ck_schema_type t_api_core_v1_EventList = {.name = "EventList", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_EventList, .proto_index = p_api_core_v1_EventList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_EventSeries[] = {
	{.name = "count", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "lastObservedTime", .proto = 2, .kind = CK_SCHEMA_MICRO_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_MicroTime, .go_type = "v1.MicroTime", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_EventSeries[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_EventSeries = {.name = "EventSeries", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_EventSeries, .proto_index = p_api_core_v1_EventSeries, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_EventSource[] = {
	{.name = "component", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "host", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_EventSource[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_EventSource = {.name = "EventSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_EventSource, .proto_index = p_api_core_v1_EventSource, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ExecAction[] = {
	{.name = "command", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ExecAction[] = {0};
static const struct ck_schema_type t_api_core_v1_ExecAction = {.name = "ExecAction", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ExecAction, .proto_index = p_api_core_v1_ExecAction, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_FCVolumeSource[] = {
	{.name = "fsType", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "lun", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "readOnly", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "targetWWNs", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "wwids", .proto = 5, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_FCVolumeSource[] = {3, 1, 0, 2, 4};
static const struct ck_schema_type t_api_core_v1_FCVolumeSource = {.name = "FCVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_FCVolumeSource, .proto_index = p_api_core_v1_FCVolumeSource, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_FlexVolumeSource[] = {
	{.name = "driver", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "fsType", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "options", .proto = 5, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_STRING, .go_type = "map[string]string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readOnly", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "secretRef", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_FlexVolumeSource[] = {0, 1, 4, 3, 2};
static const struct ck_schema_type t_api_core_v1_FlexVolumeSource = {.name = "FlexVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_FlexVolumeSource, .proto_index = p_api_core_v1_FlexVolumeSource, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_FlockerVolumeSource[] = {
	{.name = "datasetName", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "datasetUUID", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_FlockerVolumeSource[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_FlockerVolumeSource = {.name = "FlockerVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_FlockerVolumeSource, .proto_index = p_api_core_v1_FlockerVolumeSource, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_GCEPersistentDiskVolumeSource[] = {
	{.name = "fsType", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "partition", .proto = 3, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "pdName", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "readOnly", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_GCEPersistentDiskVolumeSource[] = {2, 0, 1, 3};
static const struct ck_schema_type t_api_core_v1_GCEPersistentDiskVolumeSource = {.name = "GCEPersistentDiskVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_GCEPersistentDiskVolumeSource, .proto_index = p_api_core_v1_GCEPersistentDiskVolumeSource, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_GRPCAction[] = {
	{.name = "port", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "service", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_GRPCAction[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_GRPCAction = {.name = "GRPCAction", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_GRPCAction, .proto_index = p_api_core_v1_GRPCAction, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_GitRepoVolumeSource[] = {
	{.name = "directory", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "repository", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "revision", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_GitRepoVolumeSource[] = {1, 2, 0};
static const struct ck_schema_type t_api_core_v1_GitRepoVolumeSource = {.name = "GitRepoVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_GitRepoVolumeSource, .proto_index = p_api_core_v1_GitRepoVolumeSource, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_GlusterfsVolumeSource[] = {
	{.name = "endpoints", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "path", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "readOnly", .proto = 3, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_GlusterfsVolumeSource[] = {0, 1, 2};
static const struct ck_schema_type t_api_core_v1_GlusterfsVolumeSource = {.name = "GlusterfsVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_GlusterfsVolumeSource, .proto_index = p_api_core_v1_GlusterfsVolumeSource, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_HTTPGetAction[] = {
	{.name = "host", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "httpHeaders", .proto = 5, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_HTTPHeader, .go_type = "[]v1.HTTPHeader", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "path", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "port", .proto = 2, .kind = CK_SCHEMA_INT_OR_STRING, .type = &t_apimachinery_pkg_util_intstr_IntOrString, .go_type = "intstr.IntOrString", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "scheme", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "v1.URIScheme", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_HTTPGetAction[] = {2, 3, 0, 4, 1};
static const struct ck_schema_type t_api_core_v1_HTTPGetAction = {.name = "HTTPGetAction", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_HTTPGetAction, .proto_index = p_api_core_v1_HTTPGetAction, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_HTTPHeader[] = {
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "value", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_HTTPHeader[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_HTTPHeader = {.name = "HTTPHeader", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_HTTPHeader, .proto_index = p_api_core_v1_HTTPHeader, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_HostAlias[] = {
	{.name = "hostnames", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "ip", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_HostAlias[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_HostAlias = {.name = "HostAlias", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_HostAlias, .proto_index = p_api_core_v1_HostAlias, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_HostIP[] = {
	{.name = "ip", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_HostIP[] = {0};
static const struct ck_schema_type t_api_core_v1_HostIP = {.name = "HostIP", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_HostIP, .proto_index = p_api_core_v1_HostIP, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_HostPathVolumeSource[] = {
	{.name = "path", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.HostPathType", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_HostPathVolumeSource[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_HostPathVolumeSource = {.name = "HostPathVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_HostPathVolumeSource, .proto_index = p_api_core_v1_HostPathVolumeSource, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ISCSIVolumeSource[] = {
	{.name = "chapAuthDiscovery", .proto = 8, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "chapAuthSession", .proto = 11, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "fsType", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "initiatorName", .proto = 12, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "iqn", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "iscsiInterface", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "lun", .proto = 3, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "portals", .proto = 7, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readOnly", .proto = 6, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "secretRef", .proto = 10, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "targetPortal", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_ISCSIVolumeSource[] = {10, 4, 6, 5, 2, 8, 7, 0, 9, 1, 3};
static const struct ck_schema_type t_api_core_v1_ISCSIVolumeSource = {.name = "ISCSIVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ISCSIVolumeSource, .proto_index = p_api_core_v1_ISCSIVolumeSource, .nfields = 11, .nextra = 0, .nproto = 11, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ImageVolumeSource[] = {
	{.name = "pullPolicy", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.PullPolicy", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reference", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ImageVolumeSource[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_ImageVolumeSource = {.name = "ImageVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ImageVolumeSource, .proto_index = p_api_core_v1_ImageVolumeSource, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_KeyToPath[] = {
	{.name = "key", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "mode", .proto = 3, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "path", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_KeyToPath[] = {0, 2, 1};
static const struct ck_schema_type t_api_core_v1_KeyToPath = {.name = "KeyToPath", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_KeyToPath, .proto_index = p_api_core_v1_KeyToPath, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Lifecycle[] = {
	{.name = "postStart", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LifecycleHandler, .go_type = "v1.LifecycleHandler", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "preStop", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LifecycleHandler, .go_type = "v1.LifecycleHandler", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "stopSignal", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "v1.Signal", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_Lifecycle[] = {0, 1, 2};
static const struct ck_schema_type t_api_core_v1_Lifecycle = {.name = "Lifecycle", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Lifecycle, .proto_index = p_api_core_v1_Lifecycle, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_LifecycleHandler[] = {
	{.name = "exec", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ExecAction, .go_type = "v1.ExecAction", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "httpGet", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_HTTPGetAction, .go_type = "v1.HTTPGetAction", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "sleep", .proto = 4, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_SleepAction, .go_type = "v1.SleepAction", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "tcpSocket", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_TCPSocketAction, .go_type = "v1.TCPSocketAction", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_LifecycleHandler[] = {0, 1, 3, 2};
static const struct ck_schema_type t_api_core_v1_LifecycleHandler = {.name = "LifecycleHandler", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_LifecycleHandler, .proto_index = p_api_core_v1_LifecycleHandler, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_LinuxContainerUser[] = {
	{.name = "gid", .proto = 2, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "supplementalGroups", .proto = 3, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_INT64, .go_type = "[]int64", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "uid", .proto = 1, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_LinuxContainerUser[] = {2, 0, 1};
static const struct ck_schema_type t_api_core_v1_LinuxContainerUser = {.name = "LinuxContainerUser", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_LinuxContainerUser, .proto_index = p_api_core_v1_LinuxContainerUser, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_LoadBalancerIngress[] = {
	{.name = "hostname", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "ip", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "ipMode", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "v1.LoadBalancerIPMode", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "ports", .proto = 4, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PortStatus, .go_type = "[]v1.PortStatus", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_LoadBalancerIngress[] = {1, 0, 2, 3};
static const struct ck_schema_type t_api_core_v1_LoadBalancerIngress = {.name = "LoadBalancerIngress", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_LoadBalancerIngress, .proto_index = p_api_core_v1_LoadBalancerIngress, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_LoadBalancerStatus[] = {
	{.name = "ingress", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LoadBalancerIngress, .go_type = "[]v1.LoadBalancerIngress", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_LoadBalancerStatus[] = {0};
static const struct ck_schema_type t_api_core_v1_LoadBalancerStatus = {.name = "LoadBalancerStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_LoadBalancerStatus, .proto_index = p_api_core_v1_LoadBalancerStatus, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_LocalObjectReference[] = {
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_LocalObjectReference[] = {0};
static const struct ck_schema_type t_api_core_v1_LocalObjectReference = {.name = "LocalObjectReference", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_LocalObjectReference, .proto_index = p_api_core_v1_LocalObjectReference, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ModifyVolumeStatus[] = {
	{.name = "status", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.PersistentVolumeClaimModifyVolumeStatus", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "targetVolumeAttributesClassName", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ModifyVolumeStatus[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_ModifyVolumeStatus = {.name = "ModifyVolumeStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ModifyVolumeStatus, .proto_index = p_api_core_v1_ModifyVolumeStatus, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NFSVolumeSource[] = {
	{.name = "path", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "readOnly", .proto = 3, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "server", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_NFSVolumeSource[] = {2, 0, 1};
static const struct ck_schema_type t_api_core_v1_NFSVolumeSource = {.name = "NFSVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NFSVolumeSource, .proto_index = p_api_core_v1_NFSVolumeSource, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Namespace[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NamespaceSpec, .go_type = "v1.NamespaceSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NamespaceStatus, .go_type = "v1.NamespaceStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_Namespace[] = {2, 3, 4};
static const struct ck_schema_type t_api_core_v1_Namespace = {.name = "Namespace", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Namespace, .proto_index = p_api_core_v1_Namespace, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NamespaceCondition[] = {
	{.name = "lastTransitionTime", .proto = 4, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "message", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ConditionStatus", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.NamespaceConditionType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_NamespaceCondition[] = {4, 3, 0, 2, 1};
static const struct ck_schema_type t_api_core_v1_NamespaceCondition = {.name = "NamespaceCondition", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NamespaceCondition, .proto_index = p_api_core_v1_NamespaceCondition, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NamespaceList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Namespace, .go_type = "[]v1.Namespace", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_NamespaceList[] = {3, 1};
static const struct ck_schema_type t_api_core_v1_NamespaceList = {.name = "NamespaceList", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NamespaceList, .proto_index = p_api_core_v1_NamespaceList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NamespaceSpec[] = {
	{.name = "finalizers", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]v1.FinalizerName", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_NamespaceSpec[] = {0};
static const struct ck_schema_type t_api_core_v1_NamespaceSpec = {.name = "NamespaceSpec", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NamespaceSpec, .proto_index = p_api_core_v1_NamespaceSpec, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NamespaceStatus[] = {
	{.name = "conditions", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NamespaceCondition, .go_type = "[]v1.NamespaceCondition", .strategy = S_MERGE, .merge_key = "type", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_8, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "phase", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.NamespacePhase", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_NamespaceStatus[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_NamespaceStatus = {.name = "NamespaceStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NamespaceStatus, .proto_index = p_api_core_v1_NamespaceStatus, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Node[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeSpec, .go_type = "v1.NodeSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeStatus, .go_type = "v1.NodeStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_Node[] = {2, 3, 4};
static const struct ck_schema_type t_api_core_v1_Node = {.name = "Node", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Node, .proto_index = p_api_core_v1_Node, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeAddress[] = {
	{.name = "address", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.NodeAddressType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_NodeAddress[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_NodeAddress = {.name = "NodeAddress", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeAddress, .proto_index = p_api_core_v1_NodeAddress, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeAffinity[] = {
	{.name = "preferredDuringSchedulingIgnoredDuringExecution", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PreferredSchedulingTerm, .go_type = "[]v1.PreferredSchedulingTerm", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "requiredDuringSchedulingIgnoredDuringExecution", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeSelector, .go_type = "v1.NodeSelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_NodeAffinity[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_NodeAffinity = {.name = "NodeAffinity", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeAffinity, .proto_index = p_api_core_v1_NodeAffinity, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeCondition[] = {
	{.name = "lastHeartbeatTime", .proto = 3, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "lastTransitionTime", .proto = 4, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "message", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ConditionStatus", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.NodeConditionType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_NodeCondition[] = {5, 4, 0, 1, 3, 2};
static const struct ck_schema_type t_api_core_v1_NodeCondition = {.name = "NodeCondition", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeCondition, .proto_index = p_api_core_v1_NodeCondition, .nfields = 6, .nextra = 0, .nproto = 6, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeConfigSource[] = {
	{.name = "configMap", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ConfigMapNodeConfigSource, .go_type = "v1.ConfigMapNodeConfigSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_NodeConfigSource[] = {0};
static const struct ck_schema_type t_api_core_v1_NodeConfigSource = {.name = "NodeConfigSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeConfigSource, .proto_index = p_api_core_v1_NodeConfigSource, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeConfigStatus[] = {
	{.name = "active", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeConfigSource, .go_type = "v1.NodeConfigSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "assigned", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeConfigSource, .go_type = "v1.NodeConfigSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "error", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "lastKnownGood", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeConfigSource, .go_type = "v1.NodeConfigSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_NodeConfigStatus[] = {1, 0, 3, 2};
static const struct ck_schema_type t_api_core_v1_NodeConfigStatus = {.name = "NodeConfigStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeConfigStatus, .proto_index = p_api_core_v1_NodeConfigStatus, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeDaemonEndpoints[] = {
	{.name = "kubeletEndpoint", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_DaemonEndpoint, .go_type = "v1.DaemonEndpoint", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_NodeDaemonEndpoints[] = {0};
static const struct ck_schema_type t_api_core_v1_NodeDaemonEndpoints = {.name = "NodeDaemonEndpoints", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeDaemonEndpoints, .proto_index = p_api_core_v1_NodeDaemonEndpoints, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeFeatures[] = {
	{.name = "supplementalGroupsPolicy", .proto = 1, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_NodeFeatures[] = {0};
static const struct ck_schema_type t_api_core_v1_NodeFeatures = {.name = "NodeFeatures", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeFeatures, .proto_index = p_api_core_v1_NodeFeatures, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Node, .go_type = "[]v1.Node", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_NodeList[] = {3, 1};
static const struct ck_schema_type t_api_core_v1_NodeList = {.name = "NodeList", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeList, .proto_index = p_api_core_v1_NodeList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeRuntimeHandler[] = {
	{.name = "features", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeRuntimeHandlerFeatures, .go_type = "v1.NodeRuntimeHandlerFeatures", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string"},
};
static const uint16_t p_api_core_v1_NodeRuntimeHandler[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_NodeRuntimeHandler = {.name = "NodeRuntimeHandler", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeRuntimeHandler, .proto_index = p_api_core_v1_NodeRuntimeHandler, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeRuntimeHandlerFeatures[] = {
	{.name = "recursiveReadOnlyMounts", .proto = 1, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "userNamespaces", .proto = 2, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_NodeRuntimeHandlerFeatures[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_NodeRuntimeHandlerFeatures = {.name = "NodeRuntimeHandlerFeatures", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeRuntimeHandlerFeatures, .proto_index = p_api_core_v1_NodeRuntimeHandlerFeatures, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeSelector[] = {
	{.name = "nodeSelectorTerms", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeSelectorTerm, .go_type = "[]v1.NodeSelectorTerm", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_NodeSelector[] = {0};
static const struct ck_schema_type t_api_core_v1_NodeSelector = {.name = "NodeSelector", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeSelector, .proto_index = p_api_core_v1_NodeSelector, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeSelectorRequirement[] = {
	{.name = "key", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "operator", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.NodeSelectorOperator", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "values", .proto = 3, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_NodeSelectorRequirement[] = {0, 1, 2};
static const struct ck_schema_type t_api_core_v1_NodeSelectorRequirement = {.name = "NodeSelectorRequirement", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeSelectorRequirement, .proto_index = p_api_core_v1_NodeSelectorRequirement, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeSelectorTerm[] = {
	{.name = "matchExpressions", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeSelectorRequirement, .go_type = "[]v1.NodeSelectorRequirement", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "matchFields", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeSelectorRequirement, .go_type = "[]v1.NodeSelectorRequirement", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_NodeSelectorTerm[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_NodeSelectorTerm = {.name = "NodeSelectorTerm", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeSelectorTerm, .proto_index = p_api_core_v1_NodeSelectorTerm, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeSpec[] = {
	{.name = "configSource", .proto = 6, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeConfigSource, .go_type = "v1.NodeConfigSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "externalID", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "podCIDR", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "podCIDRs", .proto = 7, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .strategy = S_MERGE, .list_type = CK_SCHEMA_LIST_SET, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "providerID", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "taints", .proto = 5, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Taint, .go_type = "[]v1.Taint", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "unschedulable", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_NodeSpec[] = {2, 1, 4, 6, 5, 0, 3};
static const struct ck_schema_type t_api_core_v1_NodeSpec = {.name = "NodeSpec", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeSpec, .proto_index = p_api_core_v1_NodeSpec, .nfields = 7, .nextra = 0, .nproto = 7, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeStatus[] = {
	{.name = "addresses", .proto = 5, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeAddress, .go_type = "[]v1.NodeAddress", .strategy = S_MERGE, .merge_key = "type", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_8, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "allocatable", .proto = 2, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "v1.ResourceList", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "capacity", .proto = 1, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "v1.ResourceList", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "conditions", .proto = 4, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeCondition, .go_type = "[]v1.NodeCondition", .strategy = S_MERGE, .merge_key = "type", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_8, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "config", .proto = 11, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeConfigStatus, .go_type = "v1.NodeConfigStatus", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "daemonEndpoints", .proto = 6, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeDaemonEndpoints, .go_type = "v1.NodeDaemonEndpoints", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "features", .proto = 13, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeFeatures, .go_type = "v1.NodeFeatures", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "images", .proto = 8, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerImage, .go_type = "[]v1.ContainerImage", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "nodeInfo", .proto = 7, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeSystemInfo, .go_type = "v1.NodeSystemInfo", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "phase", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "v1.NodePhase", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "runtimeHandlers", .proto = 12, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeRuntimeHandler, .go_type = "[]v1.NodeRuntimeHandler", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "volumesAttached", .proto = 10, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_AttachedVolume, .go_type = "[]v1.AttachedVolume", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "volumesInUse", .proto = 9, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]v1.UniqueVolumeName", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_NodeStatus[] = {2, 1, 9, 3, 0, 5, 8, 7, 12, 11, 4, 10, 6};
static const struct ck_schema_type t_api_core_v1_NodeStatus = {.name = "NodeStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeStatus, .proto_index = p_api_core_v1_NodeStatus, .nfields = 13, .nextra = 0, .nproto = 13, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeSwapStatus[] = {
	{.name = "capacity", .proto = 1, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_NodeSwapStatus[] = {0};
static const struct ck_schema_type t_api_core_v1_NodeSwapStatus = {.name = "NodeSwapStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeSwapStatus, .proto_index = p_api_core_v1_NodeSwapStatus, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_NodeSystemInfo[] = {
	{.name = "architecture", .proto = 10, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "bootID", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "containerRuntimeVersion", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kernelVersion", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kubeProxyVersion", .proto = 8, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kubeletVersion", .proto = 7, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "machineID", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "operatingSystem", .proto = 9, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "osImage", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "swap", .proto = 11, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeSwapStatus, .go_type = "v1.NodeSwapStatus", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "systemUUID", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_NodeSystemInfo[] = {6, 10, 1, 3, 8, 2, 5, 4, 7, 0, 9};
static const struct ck_schema_type t_api_core_v1_NodeSystemInfo = {.name = "NodeSystemInfo", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_NodeSystemInfo, .proto_index = p_api_core_v1_NodeSystemInfo, .nfields = 11, .nextra = 0, .nproto = 11, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ObjectFieldSelector[] = {
	{.name = "apiVersion", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "fieldPath", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_ObjectFieldSelector[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_ObjectFieldSelector = {.name = "ObjectFieldSelector", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ObjectFieldSelector, .proto_index = p_api_core_v1_ObjectFieldSelector, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ObjectReference[] = {
	{.name = "apiVersion", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "fieldPath", .proto = 7, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "kind", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "name", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "namespace", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "resourceVersion", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "uid", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "types.UID", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ObjectReference[] = {2, 4, 3, 6, 0, 5, 1};
static const struct ck_schema_type t_api_core_v1_ObjectReference = {.name = "ObjectReference", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ObjectReference, .proto_index = p_api_core_v1_ObjectReference, .nfields = 7, .nextra = 0, .nproto = 7, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PersistentVolumeClaim[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PersistentVolumeClaimSpec, .go_type = "v1.PersistentVolumeClaimSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PersistentVolumeClaimStatus, .go_type = "v1.PersistentVolumeClaimStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_PersistentVolumeClaim[] = {2, 3, 4};
static const struct ck_schema_type t_api_core_v1_PersistentVolumeClaim = {.name = "PersistentVolumeClaim", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PersistentVolumeClaim, .proto_index = p_api_core_v1_PersistentVolumeClaim, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PersistentVolumeClaimCondition[] = {
	{.name = "lastProbeTime", .proto = 3, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "lastTransitionTime", .proto = 4, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "message", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ConditionStatus", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.PersistentVolumeClaimConditionType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_PersistentVolumeClaimCondition[] = {5, 4, 0, 1, 3, 2};
static const struct ck_schema_type t_api_core_v1_PersistentVolumeClaimCondition = {.name = "PersistentVolumeClaimCondition", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PersistentVolumeClaimCondition, .proto_index = p_api_core_v1_PersistentVolumeClaimCondition, .nfields = 6, .nextra = 0, .nproto = 6, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PersistentVolumeClaimSpec[] = {
	{.name = "accessModes", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]v1.PersistentVolumeAccessMode", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "dataSource", .proto = 7, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_TypedLocalObjectReference, .go_type = "v1.TypedLocalObjectReference", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "dataSourceRef", .proto = 8, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_TypedObjectReference, .go_type = "v1.TypedObjectReference", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "resources", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_VolumeResourceRequirements, .go_type = "v1.VolumeResourceRequirements", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "selector", .proto = 4, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_LabelSelector, .go_type = "v1.LabelSelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "storageClassName", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "volumeAttributesClassName", .proto = 9, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "volumeMode", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "v1.PersistentVolumeMode", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "volumeName", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_PersistentVolumeClaimSpec[] = {0, 3, 8, 4, 5, 7, 1, 2, 6};
static const struct ck_schema_type t_api_core_v1_PersistentVolumeClaimSpec = {.name = "PersistentVolumeClaimSpec", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PersistentVolumeClaimSpec, .proto_index = p_api_core_v1_PersistentVolumeClaimSpec, .nfields = 9, .nextra = 0, .nproto = 9, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PersistentVolumeClaimStatus[] = {
	{.name = "accessModes", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]v1.PersistentVolumeAccessMode", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "allocatedResourceStatuses", .proto = 7, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_STRING, .go_type = "map[v1.ResourceName]v1.ClaimResourceStatus", .map_type = CK_SCHEMA_MAP_GRANULAR, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "allocatedResources", .proto = 5, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "v1.ResourceList", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "capacity", .proto = 3, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "v1.ResourceList", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "conditions", .proto = 4, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PersistentVolumeClaimCondition, .go_type = "[]v1.PersistentVolumeClaimCondition", .strategy = S_MERGE, .merge_key = "type", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_8, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "currentVolumeAttributesClassName", .proto = 8, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "modifyVolumeStatus", .proto = 9, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ModifyVolumeStatus, .go_type = "v1.ModifyVolumeStatus", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "phase", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.PersistentVolumeClaimPhase", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_PersistentVolumeClaimStatus[] = {7, 0, 3, 4, 2, 1, 5, 6};
static const struct ck_schema_type t_api_core_v1_PersistentVolumeClaimStatus = {.name = "PersistentVolumeClaimStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PersistentVolumeClaimStatus, .proto_index = p_api_core_v1_PersistentVolumeClaimStatus, .nfields = 8, .nextra = 0, .nproto = 8, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PersistentVolumeClaimTemplate[] = {
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PersistentVolumeClaimSpec, .go_type = "v1.PersistentVolumeClaimSpec", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_PersistentVolumeClaimTemplate[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_PersistentVolumeClaimTemplate = {.name = "PersistentVolumeClaimTemplate", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PersistentVolumeClaimTemplate, .proto_index = p_api_core_v1_PersistentVolumeClaimTemplate, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PersistentVolumeClaimVolumeSource[] = {
	{.name = "claimName", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "readOnly", .proto = 2, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_PersistentVolumeClaimVolumeSource[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_PersistentVolumeClaimVolumeSource = {.name = "PersistentVolumeClaimVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PersistentVolumeClaimVolumeSource, .proto_index = p_api_core_v1_PersistentVolumeClaimVolumeSource, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PhotonPersistentDiskVolumeSource[] = {
	{.name = "fsType", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "pdID", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_PhotonPersistentDiskVolumeSource[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_PhotonPersistentDiskVolumeSource = {.name = "PhotonPersistentDiskVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PhotonPersistentDiskVolumeSource, .proto_index = p_api_core_v1_PhotonPersistentDiskVolumeSource, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Pod[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodSpec, .go_type = "v1.PodSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodStatus, .go_type = "v1.PodStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_Pod[] = {2, 3, 4};
static const struct ck_schema_type t_api_core_v1_Pod = {.name = "Pod", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Pod, .proto_index = p_api_core_v1_Pod, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodAffinity[] = {
	{.name = "preferredDuringSchedulingIgnoredDuringExecution", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_WeightedPodAffinityTerm, .go_type = "[]v1.WeightedPodAffinityTerm", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "requiredDuringSchedulingIgnoredDuringExecution", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodAffinityTerm, .go_type = "[]v1.PodAffinityTerm", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_PodAffinity[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_PodAffinity = {.name = "PodAffinity", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodAffinity, .proto_index = p_api_core_v1_PodAffinity, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodAffinityTerm[] = {
	{.name = "labelSelector", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_LabelSelector, .go_type = "v1.LabelSelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "matchLabelKeys", .proto = 5, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "mismatchLabelKeys", .proto = 6, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "namespaceSelector", .proto = 4, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_LabelSelector, .go_type = "v1.LabelSelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "namespaces", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "topologyKey", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_PodAffinityTerm[] = {0, 4, 5, 3, 1, 2};
static const struct ck_schema_type t_api_core_v1_PodAffinityTerm = {.name = "PodAffinityTerm", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodAffinityTerm, .proto_index = p_api_core_v1_PodAffinityTerm, .nfields = 6, .nextra = 0, .nproto = 6, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodAntiAffinity[] = {
	{.name = "preferredDuringSchedulingIgnoredDuringExecution", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_WeightedPodAffinityTerm, .go_type = "[]v1.WeightedPodAffinityTerm", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "requiredDuringSchedulingIgnoredDuringExecution", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodAffinityTerm, .go_type = "[]v1.PodAffinityTerm", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_PodAntiAffinity[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_PodAntiAffinity = {.name = "PodAntiAffinity", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodAntiAffinity, .proto_index = p_api_core_v1_PodAntiAffinity, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodCondition[] = {
	{.name = "lastProbeTime", .proto = 3, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "lastTransitionTime", .proto = 4, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "message", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "observedGeneration", .proto = 7, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ConditionStatus", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.PodConditionType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_PodCondition[] = {6, 5, 0, 1, 4, 2, 3};
static const struct ck_schema_type t_api_core_v1_PodCondition = {.name = "PodCondition", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodCondition, .proto_index = p_api_core_v1_PodCondition, .nfields = 7, .nextra = 0, .nproto = 7, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodDNSConfig[] = {
	{.name = "nameservers", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "options", .proto = 3, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodDNSConfigOption, .go_type = "[]v1.PodDNSConfigOption", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "searches", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_PodDNSConfig[] = {0, 2, 1};
static const struct ck_schema_type t_api_core_v1_PodDNSConfig = {.name = "PodDNSConfig", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodDNSConfig, .proto_index = p_api_core_v1_PodDNSConfig, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodDNSConfigOption[] = {
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "value", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_PodDNSConfigOption[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_PodDNSConfigOption = {.name = "PodDNSConfigOption", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodDNSConfigOption, .proto_index = p_api_core_v1_PodDNSConfigOption, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodIP[] = {
	{.name = "ip", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_PodIP[] = {0};
static const struct ck_schema_type t_api_core_v1_PodIP = {.name = "PodIP", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodIP, .proto_index = p_api_core_v1_PodIP, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Pod, .go_type = "[]v1.Pod", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_PodList[] = {3, 1};
static const struct ck_schema_type t_api_core_v1_PodList = {.name = "PodList", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodList, .proto_index = p_api_core_v1_PodList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodOS[] = {
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.OSName", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_PodOS[] = {0};
static const struct ck_schema_type t_api_core_v1_PodOS = {.name = "PodOS", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodOS, .proto_index = p_api_core_v1_PodOS, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodReadinessGate[] = {
	{.name = "conditionType", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.PodConditionType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_PodReadinessGate[] = {0};
static const struct ck_schema_type t_api_core_v1_PodReadinessGate = {.name = "PodReadinessGate", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodReadinessGate, .proto_index = p_api_core_v1_PodReadinessGate, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodResourceClaim[] = {
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "resourceClaimName", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "resourceClaimTemplateName", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_PodResourceClaim[] = {0, 1, 2};
static const struct ck_schema_type t_api_core_v1_PodResourceClaim = {.name = "PodResourceClaim", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodResourceClaim, .proto_index = p_api_core_v1_PodResourceClaim, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodResourceClaimStatus[] = {
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "resourceClaimName", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_PodResourceClaimStatus[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_PodResourceClaimStatus = {.name = "PodResourceClaimStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodResourceClaimStatus, .proto_index = p_api_core_v1_PodResourceClaimStatus, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodSchedulingGate[] = {
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_PodSchedulingGate[] = {0};
static const struct ck_schema_type t_api_core_v1_PodSchedulingGate = {.name = "PodSchedulingGate", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodSchedulingGate, .proto_index = p_api_core_v1_PodSchedulingGate, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodSecurityContext[] = {
	{.name = "appArmorProfile", .proto = 11, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_AppArmorProfile, .go_type = "v1.AppArmorProfile", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "fsGroup", .proto = 5, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "fsGroupChangePolicy", .proto = 9, .kind = CK_SCHEMA_STRING, .go_type = "v1.PodFSGroupChangePolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "runAsGroup", .proto = 6, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "runAsNonRoot", .proto = 3, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "runAsUser", .proto = 2, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "seLinuxChangePolicy", .proto = 13, .kind = CK_SCHEMA_STRING, .go_type = "v1.PodSELinuxChangePolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "seLinuxOptions", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_SELinuxOptions, .go_type = "v1.SELinuxOptions", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "seccompProfile", .proto = 10, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_SeccompProfile, .go_type = "v1.SeccompProfile", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "supplementalGroups", .proto = 4, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_INT64, .go_type = "[]int64", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "supplementalGroupsPolicy", .proto = 12, .kind = CK_SCHEMA_STRING, .go_type = "v1.SupplementalGroupsPolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "sysctls", .proto = 7, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Sysctl, .go_type = "[]v1.Sysctl", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "windowsOptions", .proto = 8, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_WindowsSecurityContextOptions, .go_type = "v1.WindowsSecurityContextOptions", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_PodSecurityContext[] = {7, 5, 4, 9, 1, 3, 11, 12, 2, 8, 0, 10, 6};
static const struct ck_schema_type t_api_core_v1_PodSecurityContext = {.name = "PodSecurityContext", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodSecurityContext, .proto_index = p_api_core_v1_PodSecurityContext, .nfields = 13, .nextra = 0, .nproto = 13, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodSpec[] = {
	{.name = "activeDeadlineSeconds", .proto = 5, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "affinity", .proto = 18, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Affinity, .go_type = "v1.Affinity", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "automountServiceAccountToken", .proto = 21, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "containers", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Container, .go_type = "[]v1.Container", .strategy = S_MERGE, .merge_key = "name", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_4, .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "dnsConfig", .proto = 26, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodDNSConfig, .go_type = "v1.PodDNSConfig", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "dnsPolicy", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "v1.DNSPolicy", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "enableServiceLinks", .proto = 30, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "ephemeralContainers", .proto = 34, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EphemeralContainer, .go_type = "[]v1.EphemeralContainer", .strategy = S_MERGE, .merge_key = "name", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_4, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "hostAliases", .proto = 23, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_HostAlias, .go_type = "[]v1.HostAlias", .strategy = S_MERGE, .merge_key = "ip", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_2, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "hostIPC", .proto = 13, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "hostNetwork", .proto = 11, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "hostPID", .proto = 12, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "hostUsers", .proto = 37, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "hostname", .proto = 16, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "imagePullSecrets", .proto = 15, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "[]v1.LocalObjectReference", .strategy = S_MERGE, .merge_key = "name", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_4, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "initContainers", .proto = 20, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Container, .go_type = "[]v1.Container", .strategy = S_MERGE, .merge_key = "name", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_4, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "nodeName", .proto = 10, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "nodeSelector", .proto = 7, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_STRING, .go_type = "map[string]string", .map_type = CK_SCHEMA_MAP_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "os", .proto = 36, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodOS, .go_type = "v1.PodOS", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "overhead", .proto = 32, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "v1.ResourceList", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "preemptionPolicy", .proto = 31, .kind = CK_SCHEMA_STRING, .go_type = "v1.PreemptionPolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "priority", .proto = 25, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "priorityClassName", .proto = 24, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readinessGates", .proto = 28, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodReadinessGate, .go_type = "[]v1.PodReadinessGate", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "resourceClaims", .proto = 39, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodResourceClaim, .go_type = "[]v1.PodResourceClaim", .strategy = S_MERGE | S_RETAIN_KEYS, .merge_key = "name", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_4, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "resources", .proto = 40, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ResourceRequirements, .go_type = "v1.ResourceRequirements", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "restartPolicy", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "v1.RestartPolicy", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "runtimeClassName", .proto = 29, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "schedulerName", .proto = 19, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "schedulingGates", .proto = 38, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodSchedulingGate, .go_type = "[]v1.PodSchedulingGate", .strategy = S_MERGE, .merge_key = "name", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_4, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "securityContext", .proto = 14, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodSecurityContext, .go_type = "v1.PodSecurityContext", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "serviceAccount", .proto = 9, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "serviceAccountName", .proto = 8, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "setHostnameAsFQDN", .proto = 35, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "shareProcessNamespace", .proto = 27, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "subdomain", .proto = 17, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "terminationGracePeriodSeconds", .proto = 4, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "tolerations", .proto = 22, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Toleration, .go_type = "[]v1.Toleration", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "topologySpreadConstraints", .proto = 33, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_TopologySpreadConstraint, .go_type = "[]v1.TopologySpreadConstraint", .strategy = S_MERGE, .merge_key = "topologyKey", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_7, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "volumes", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Volume, .go_type = "[]v1.Volume", .strategy = S_MERGE | S_RETAIN_KEYS, .merge_key = "name", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_4, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_PodSpec[] = {39, 3, 26, 36, 0, 5, 17, 32, 31, 16, 10, 11, 9, 30, 14, 13, 35, 1, 28, 15, 2, 37, 8, 22, 21, 4, 34, 23, 27, 6, 20, 19, 38, 7, 33, 18, 12, 29, 24, 25};
static const struct ck_schema_type t_api_core_v1_PodSpec = {.name = "PodSpec", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodSpec, .proto_index = p_api_core_v1_PodSpec, .nfields = 40, .nextra = 0, .nproto = 40, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodStatus[] = {
	{.name = "conditions", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodCondition, .go_type = "[]v1.PodCondition", .strategy = S_MERGE, .merge_key = "type", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_8, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "containerStatuses", .proto = 8, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerStatus, .go_type = "[]v1.ContainerStatus", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "ephemeralContainerStatuses", .proto = 13, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerStatus, .go_type = "[]v1.ContainerStatus", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "hostIP", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "hostIPs", .proto = 16, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_HostIP, .go_type = "[]v1.HostIP", .strategy = S_MERGE, .merge_key = "ip", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "initContainerStatuses", .proto = 10, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ContainerStatus, .go_type = "[]v1.ContainerStatus", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "message", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "nominatedNodeName", .proto = 11, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "observedGeneration", .proto = 17, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "phase", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.PodPhase", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "podIP", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "podIPs", .proto = 12, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodIP, .go_type = "[]v1.PodIP", .strategy = S_MERGE, .merge_key = "ip", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_2, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "qosClass", .proto = 9, .kind = CK_SCHEMA_STRING, .go_type = "v1.PodQOSClass", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "resize", .proto = 14, .kind = CK_SCHEMA_STRING, .go_type = "v1.PodResizeStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "resourceClaimStatuses", .proto = 15, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodResourceClaimStatus, .go_type = "[]v1.PodResourceClaimStatus", .strategy = S_MERGE | S_RETAIN_KEYS, .merge_key = "name", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_4, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "startTime", .proto = 7, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_PodStatus[] = {9, 0, 6, 13, 3, 10, 16, 1, 12, 5, 7, 11, 2, 14, 15, 4, 8};
static const struct ck_schema_type t_api_core_v1_PodStatus = {.name = "PodStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodStatus, .proto_index = p_api_core_v1_PodStatus, .nfields = 17, .nextra = 0, .nproto = 17, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PodTemplateSpec[] = {
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodSpec, .go_type = "v1.PodSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_PodTemplateSpec[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_PodTemplateSpec = {.name = "PodTemplateSpec", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PodTemplateSpec, .proto_index = p_api_core_v1_PodTemplateSpec, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PortStatus[] = {
	{.name = "error", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "port", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "protocol", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.Protocol", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_PortStatus[] = {1, 2, 0};
static const struct ck_schema_type t_api_core_v1_PortStatus = {.name = "PortStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PortStatus, .proto_index = p_api_core_v1_PortStatus, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PortworxVolumeSource[] = {
	{.name = "fsType", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readOnly", .proto = 3, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "volumeID", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_PortworxVolumeSource[] = {2, 0, 1};
static const struct ck_schema_type t_api_core_v1_PortworxVolumeSource = {.name = "PortworxVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PortworxVolumeSource, .proto_index = p_api_core_v1_PortworxVolumeSource, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_PreferredSchedulingTerm[] = {
	{.name = "preference", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NodeSelectorTerm, .go_type = "v1.NodeSelectorTerm", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "weight", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_PreferredSchedulingTerm[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_PreferredSchedulingTerm = {.name = "PreferredSchedulingTerm", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_PreferredSchedulingTerm, .proto_index = p_api_core_v1_PreferredSchedulingTerm, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Probe[] = {
	{.name = "exec", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ExecAction, .go_type = "v1.ExecAction", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "failureThreshold", .proto = 6, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "grpc", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_GRPCAction, .go_type = "v1.GRPCAction", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "httpGet", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_HTTPGetAction, .go_type = "v1.HTTPGetAction", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "initialDelaySeconds", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "periodSeconds", .proto = 4, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "successThreshold", .proto = 5, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "tcpSocket", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_TCPSocketAction, .go_type = "v1.TCPSocketAction", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "terminationGracePeriodSeconds", .proto = 7, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "timeoutSeconds", .proto = 3, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "handler", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ProbeHandler, .go_type = "v1.ProbeHandler", .flags = CK_SCHEMA_F_INLINE},
};
static const uint16_t p_api_core_v1_Probe[] = {10, 4, 9, 5, 6, 1, 8};
static const struct ck_schema_type t_api_core_v1_Probe = {.name = "Probe", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Probe, .proto_index = p_api_core_v1_Probe, .nfields = 10, .nextra = 1, .nproto = 7, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ProbeHandler[] = {
	{.name = "exec", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ExecAction, .go_type = "v1.ExecAction", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "grpc", .proto = 4, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_GRPCAction, .go_type = "v1.GRPCAction", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "httpGet", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_HTTPGetAction, .go_type = "v1.HTTPGetAction", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "tcpSocket", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_TCPSocketAction, .go_type = "v1.TCPSocketAction", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_ProbeHandler[] = {0, 2, 3, 1};
static const struct ck_schema_type t_api_core_v1_ProbeHandler = {.name = "ProbeHandler", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ProbeHandler, .proto_index = p_api_core_v1_ProbeHandler, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ProjectedVolumeSource[] = {
	{.name = "defaultMode", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "sources", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_VolumeProjection, .go_type = "[]v1.VolumeProjection", .list_type = CK_SCHEMA_LIST_ATOMIC},
};
static const uint16_t p_api_core_v1_ProjectedVolumeSource[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_ProjectedVolumeSource = {.name = "ProjectedVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ProjectedVolumeSource, .proto_index = p_api_core_v1_ProjectedVolumeSource, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_QuobyteVolumeSource[] = {
	{.name = "group", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readOnly", .proto = 3, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "registry", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "tenant", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "user", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "volume", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_QuobyteVolumeSource[] = {2, 5, 1, 4, 0, 3};
static const struct ck_schema_type t_api_core_v1_QuobyteVolumeSource = {.name = "QuobyteVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_QuobyteVolumeSource, .proto_index = p_api_core_v1_QuobyteVolumeSource, .nfields = 6, .nextra = 0, .nproto = 6, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_RBDVolumeSource[] = {
	{.name = "fsType", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "image", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "keyring", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "monitors", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "pool", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readOnly", .proto = 8, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "secretRef", .proto = 7, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "user", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_RBDVolumeSource[] = {3, 1, 0, 4, 7, 2, 6, 5};
static const struct ck_schema_type t_api_core_v1_RBDVolumeSource = {.name = "RBDVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_RBDVolumeSource, .proto_index = p_api_core_v1_RBDVolumeSource, .nfields = 8, .nextra = 0, .nproto = 8, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ResourceClaim[] = {
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "request", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ResourceClaim[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_ResourceClaim = {.name = "ResourceClaim", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ResourceClaim, .proto_index = p_api_core_v1_ResourceClaim, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ResourceFieldSelector[] = {
	{.name = "containerName", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "divisor", .proto = 3, .kind = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "resource.Quantity", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "resource", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_ResourceFieldSelector[] = {0, 2, 1};
static const struct ck_schema_type t_api_core_v1_ResourceFieldSelector = {.name = "ResourceFieldSelector", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ResourceFieldSelector, .proto_index = p_api_core_v1_ResourceFieldSelector, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ResourceHealth[] = {
	{.name = "health", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ResourceHealthStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "resourceID", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.ResourceID", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_ResourceHealth[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_ResourceHealth = {.name = "ResourceHealth", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ResourceHealth, .proto_index = p_api_core_v1_ResourceHealth, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ResourceQuota[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ResourceQuotaSpec, .go_type = "v1.ResourceQuotaSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ResourceQuotaStatus, .go_type = "v1.ResourceQuotaStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ResourceQuota[] = {2, 3, 4};
static const struct ck_schema_type t_api_core_v1_ResourceQuota = {.name = "ResourceQuota", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ResourceQuota, .proto_index = p_api_core_v1_ResourceQuota, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ResourceQuotaList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ResourceQuota, .go_type = "[]v1.ResourceQuota", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ResourceQuotaList[] = {3, 1};
static const struct ck_schema_type t_api_core_v1_ResourceQuotaList = {.name = "ResourceQuotaList", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ResourceQuotaList, .proto_index = p_api_core_v1_ResourceQuotaList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ResourceQuotaSpec[] = {
	{.name = "hard", .proto = 1, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "v1.ResourceList", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "scopeSelector", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ScopeSelector, .go_type = "v1.ScopeSelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "scopes", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]v1.ResourceQuotaScope", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ResourceQuotaSpec[] = {0, 2, 1};
static const struct ck_schema_type t_api_core_v1_ResourceQuotaSpec = {.name = "ResourceQuotaSpec", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ResourceQuotaSpec, .proto_index = p_api_core_v1_ResourceQuotaSpec, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ResourceQuotaStatus[] = {
	{.name = "hard", .proto = 1, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "v1.ResourceList", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "used", .proto = 2, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "v1.ResourceList", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ResourceQuotaStatus[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_ResourceQuotaStatus = {.name = "ResourceQuotaStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ResourceQuotaStatus, .proto_index = p_api_core_v1_ResourceQuotaStatus, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ResourceRequirements[] = {
	{.name = "claims", .proto = 3, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ResourceClaim, .go_type = "[]v1.ResourceClaim", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_4, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "limits", .proto = 1, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "v1.ResourceList", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "requests", .proto = 2, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "v1.ResourceList", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ResourceRequirements[] = {1, 2, 0};
static const struct ck_schema_type t_api_core_v1_ResourceRequirements = {.name = "ResourceRequirements", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ResourceRequirements, .proto_index = p_api_core_v1_ResourceRequirements, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ResourceStatus[] = {
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.ResourceName", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "resources", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ResourceHealth, .go_type = "[]v1.ResourceHealth", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_6, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ResourceStatus[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_ResourceStatus = {.name = "ResourceStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ResourceStatus, .proto_index = p_api_core_v1_ResourceStatus, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_SELinuxOptions[] = {
	{.name = "level", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "role", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "type", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "user", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_SELinuxOptions[] = {3, 1, 2, 0};
static const struct ck_schema_type t_api_core_v1_SELinuxOptions = {.name = "SELinuxOptions", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_SELinuxOptions, .proto_index = p_api_core_v1_SELinuxOptions, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ScaleIOVolumeSource[] = {
	{.name = "fsType", .proto = 9, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "gateway", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "protectionDomain", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readOnly", .proto = 10, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "secretRef", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_POINTER | CK_SCHEMA_F_REQUIRED},
	{.name = "sslEnabled", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "storageMode", .proto = 7, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "storagePool", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "system", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "volumeName", .proto = 8, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ScaleIOVolumeSource[] = {1, 8, 4, 5, 2, 7, 6, 9, 0, 3};
static const struct ck_schema_type t_api_core_v1_ScaleIOVolumeSource = {.name = "ScaleIOVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ScaleIOVolumeSource, .proto_index = p_api_core_v1_ScaleIOVolumeSource, .nfields = 10, .nextra = 0, .nproto = 10, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ScopeSelector[] = {
	{.name = "matchExpressions", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ScopedResourceSelectorRequirement, .go_type = "[]v1.ScopedResourceSelectorRequirement", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ScopeSelector[] = {0};
static const struct ck_schema_type t_api_core_v1_ScopeSelector = {.name = "ScopeSelector", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ScopeSelector, .proto_index = p_api_core_v1_ScopeSelector, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ScopedResourceSelectorRequirement[] = {
	{.name = "operator", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ScopeSelectorOperator", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "scopeName", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.ResourceQuotaScope", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "values", .proto = 3, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ScopedResourceSelectorRequirement[] = {1, 0, 2};
static const struct ck_schema_type t_api_core_v1_ScopedResourceSelectorRequirement = {.name = "ScopedResourceSelectorRequirement", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ScopedResourceSelectorRequirement, .proto_index = p_api_core_v1_ScopedResourceSelectorRequirement, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_SeccompProfile[] = {
	{.name = "localhostProfile", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.SeccompProfileType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_SeccompProfile[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_SeccompProfile = {.name = "SeccompProfile", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_SeccompProfile, .proto_index = p_api_core_v1_SeccompProfile, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Secret[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "data", .proto = 2, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_BYTES, .go_type = "map[string][]uint8", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "immutable", .proto = 5, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "stringData", .proto = 4, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_STRING, .go_type = "map[string]string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "type", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "v1.SecretType", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_Secret[] = {4, 1, 6, 5, 2};
static const struct ck_schema_type t_api_core_v1_Secret = {.name = "Secret", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Secret, .proto_index = p_api_core_v1_Secret, .nfields = 7, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_SecretEnvSource[] = {
	{.name = "name", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "optional", .proto = 2, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "localObjectReference", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_INLINE},
};
static const uint16_t p_api_core_v1_SecretEnvSource[] = {2, 1};
static const struct ck_schema_type t_api_core_v1_SecretEnvSource = {.name = "SecretEnvSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_SecretEnvSource, .proto_index = p_api_core_v1_SecretEnvSource, .nfields = 2, .nextra = 1, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_SecretKeySelector[] = {
	{.name = "key", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "name", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "optional", .proto = 3, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "localObjectReference", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_INLINE},
};
static const uint16_t p_api_core_v1_SecretKeySelector[] = {3, 0, 2};
static const struct ck_schema_type t_api_core_v1_SecretKeySelector = {.name = "SecretKeySelector", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_SecretKeySelector, .proto_index = p_api_core_v1_SecretKeySelector, .nfields = 3, .nextra = 1, .nproto = 3, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_SecretList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Secret, .go_type = "[]v1.Secret", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_SecretList[] = {3, 1};
static const struct ck_schema_type t_api_core_v1_SecretList = {.name = "SecretList", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_SecretList, .proto_index = p_api_core_v1_SecretList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_SecretProjection[] = {
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_KeyToPath, .go_type = "[]v1.KeyToPath", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "name", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "optional", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "localObjectReference", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_INLINE},
};
static const uint16_t p_api_core_v1_SecretProjection[] = {3, 0, 2};
static const struct ck_schema_type t_api_core_v1_SecretProjection = {.name = "SecretProjection", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_SecretProjection, .proto_index = p_api_core_v1_SecretProjection, .nfields = 3, .nextra = 1, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_SecretVolumeSource[] = {
	{.name = "defaultMode", .proto = 3, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_KeyToPath, .go_type = "[]v1.KeyToPath", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "optional", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "secretName", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_SecretVolumeSource[] = {3, 1, 0, 2};
static const struct ck_schema_type t_api_core_v1_SecretVolumeSource = {.name = "SecretVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_SecretVolumeSource, .proto_index = p_api_core_v1_SecretVolumeSource, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_SecurityContext[] = {
	{.name = "allowPrivilegeEscalation", .proto = 7, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "appArmorProfile", .proto = 12, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_AppArmorProfile, .go_type = "v1.AppArmorProfile", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "capabilities", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Capabilities, .go_type = "v1.Capabilities", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "privileged", .proto = 2, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "procMount", .proto = 9, .kind = CK_SCHEMA_STRING, .go_type = "v1.ProcMountType", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "readOnlyRootFilesystem", .proto = 6, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "runAsGroup", .proto = 8, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "runAsNonRoot", .proto = 5, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "runAsUser", .proto = 4, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "seLinuxOptions", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_SELinuxOptions, .go_type = "v1.SELinuxOptions", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "seccompProfile", .proto = 11, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_SeccompProfile, .go_type = "v1.SeccompProfile", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "windowsOptions", .proto = 10, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_WindowsSecurityContextOptions, .go_type = "v1.WindowsSecurityContextOptions", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_SecurityContext[] = {2, 3, 9, 8, 7, 5, 0, 6, 4, 11, 10, 1};
static const struct ck_schema_type t_api_core_v1_SecurityContext = {.name = "SecurityContext", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_SecurityContext, .proto_index = p_api_core_v1_SecurityContext, .nfields = 12, .nextra = 0, .nproto = 12, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Service[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ServiceSpec, .go_type = "v1.ServiceSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ServiceStatus, .go_type = "v1.ServiceStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_Service[] = {2, 3, 4};
static const struct ck_schema_type t_api_core_v1_Service = {.name = "Service", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Service, .proto_index = p_api_core_v1_Service, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ServiceAccount[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "automountServiceAccountToken", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "imagePullSecrets", .proto = 3, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "[]v1.LocalObjectReference", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "secrets", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ObjectReference, .go_type = "[]v1.ObjectReference", .strategy = S_MERGE, .merge_key = "name", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_4, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ServiceAccount[] = {4, 5, 2, 1};
static const struct ck_schema_type t_api_core_v1_ServiceAccount = {.name = "ServiceAccount", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ServiceAccount, .proto_index = p_api_core_v1_ServiceAccount, .nfields = 6, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ServiceAccountList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ServiceAccount, .go_type = "[]v1.ServiceAccount", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ServiceAccountList[] = {3, 1};
static const struct ck_schema_type t_api_core_v1_ServiceAccountList = {.name = "ServiceAccountList", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ServiceAccountList, .proto_index = p_api_core_v1_ServiceAccountList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ServiceAccountTokenProjection[] = {
	{.name = "audience", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "expirationSeconds", .proto = 2, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "path", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_ServiceAccountTokenProjection[] = {0, 1, 2};
static const struct ck_schema_type t_api_core_v1_ServiceAccountTokenProjection = {.name = "ServiceAccountTokenProjection", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ServiceAccountTokenProjection, .proto_index = p_api_core_v1_ServiceAccountTokenProjection, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ServiceList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_Service, .go_type = "[]v1.Service", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ServiceList[] = {3, 1};
static const struct ck_schema_type t_api_core_v1_ServiceList = {.name = "ServiceList", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ServiceList, .proto_index = p_api_core_v1_ServiceList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ServicePort[] = {
	{.name = "appProtocol", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "nodePort", .proto = 5, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "port", .proto = 3, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "protocol", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.Protocol", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "targetPort", .proto = 4, .kind = CK_SCHEMA_INT_OR_STRING, .type = &t_apimachinery_pkg_util_intstr_IntOrString, .go_type = "intstr.IntOrString", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ServicePort[] = {1, 4, 3, 5, 2, 0};
static const struct ck_schema_type t_api_core_v1_ServicePort = {.name = "ServicePort", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ServicePort, .proto_index = p_api_core_v1_ServicePort, .nfields = 6, .nextra = 0, .nproto = 6, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ServiceSpec[] = {
	{.name = "allocateLoadBalancerNodePorts", .proto = 20, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "clusterIP", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "clusterIPs", .proto = 18, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "externalIPs", .proto = 5, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "externalName", .proto = 10, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "externalTrafficPolicy", .proto = 11, .kind = CK_SCHEMA_STRING, .go_type = "v1.ServiceExternalTrafficPolicy", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "healthCheckNodePort", .proto = 12, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "internalTrafficPolicy", .proto = 22, .kind = CK_SCHEMA_STRING, .go_type = "v1.ServiceInternalTrafficPolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "ipFamilies", .proto = 19, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]v1.IPFamily", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "ipFamilyPolicy", .proto = 17, .kind = CK_SCHEMA_STRING, .go_type = "v1.IPFamilyPolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "loadBalancerClass", .proto = 21, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "loadBalancerIP", .proto = 8, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "loadBalancerSourceRanges", .proto = 9, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "ports", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ServicePort, .go_type = "[]v1.ServicePort", .strategy = S_MERGE, .merge_key = "port", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_5, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "publishNotReadyAddresses", .proto = 13, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "selector", .proto = 2, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_STRING, .go_type = "map[string]string", .map_type = CK_SCHEMA_MAP_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "sessionAffinity", .proto = 7, .kind = CK_SCHEMA_STRING, .go_type = "v1.ServiceAffinity", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "sessionAffinityConfig", .proto = 14, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_SessionAffinityConfig, .go_type = "v1.SessionAffinityConfig", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "trafficDistribution", .proto = 23, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "type", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "v1.ServiceType", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ServiceSpec[] = {13, 15, 1, 19, 3, 16, 11, 12, 4, 5, 6, 14, 17, 9, 2, 8, 0, 10, 7, 18};
static const struct ck_schema_type t_api_core_v1_ServiceSpec = {.name = "ServiceSpec", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ServiceSpec, .proto_index = p_api_core_v1_ServiceSpec, .nfields = 20, .nextra = 0, .nproto = 20, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_ServiceStatus[] = {
	{.name = "conditions", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_Condition, .go_type = "[]v1.Condition", .strategy = S_MERGE, .merge_key = "type", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_8, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "loadBalancer", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LoadBalancerStatus, .go_type = "v1.LoadBalancerStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_ServiceStatus[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_ServiceStatus = {.name = "ServiceStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_ServiceStatus, .proto_index = p_api_core_v1_ServiceStatus, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_SessionAffinityConfig[] = {
	{.name = "clientIP", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ClientIPConfig, .go_type = "v1.ClientIPConfig", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_SessionAffinityConfig[] = {0};
static const struct ck_schema_type t_api_core_v1_SessionAffinityConfig = {.name = "SessionAffinityConfig", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_SessionAffinityConfig, .proto_index = p_api_core_v1_SessionAffinityConfig, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_SleepAction[] = {
	{.name = "seconds", .proto = 1, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_SleepAction[] = {0};
static const struct ck_schema_type t_api_core_v1_SleepAction = {.name = "SleepAction", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_SleepAction, .proto_index = p_api_core_v1_SleepAction, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_StorageOSVolumeSource[] = {
	{.name = "fsType", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "readOnly", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "secretRef", .proto = 5, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_LocalObjectReference, .go_type = "v1.LocalObjectReference", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "volumeName", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "volumeNamespace", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_StorageOSVolumeSource[] = {3, 4, 0, 1, 2};
static const struct ck_schema_type t_api_core_v1_StorageOSVolumeSource = {.name = "StorageOSVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_StorageOSVolumeSource, .proto_index = p_api_core_v1_StorageOSVolumeSource, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Sysctl[] = {
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "value", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_Sysctl[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_Sysctl = {.name = "Sysctl", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Sysctl, .proto_index = p_api_core_v1_Sysctl, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_TCPSocketAction[] = {
	{.name = "host", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "port", .proto = 1, .kind = CK_SCHEMA_INT_OR_STRING, .type = &t_apimachinery_pkg_util_intstr_IntOrString, .go_type = "intstr.IntOrString", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_TCPSocketAction[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_TCPSocketAction = {.name = "TCPSocketAction", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_TCPSocketAction, .proto_index = p_api_core_v1_TCPSocketAction, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Taint[] = {
	{.name = "effect", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "v1.TaintEffect", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "key", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "timeAdded", .proto = 4, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "value", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_Taint[] = {1, 3, 0, 2};
static const struct ck_schema_type t_api_core_v1_Taint = {.name = "Taint", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Taint, .proto_index = p_api_core_v1_Taint, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Toleration[] = {
	{.name = "effect", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "v1.TaintEffect", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "key", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "operator", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.TolerationOperator", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "tolerationSeconds", .proto = 5, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "value", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_Toleration[] = {1, 2, 4, 0, 3};
static const struct ck_schema_type t_api_core_v1_Toleration = {.name = "Toleration", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Toleration, .proto_index = p_api_core_v1_Toleration, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_TopologySpreadConstraint[] = {
	{.name = "labelSelector", .proto = 4, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_LabelSelector, .go_type = "v1.LabelSelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "matchLabelKeys", .proto = 8, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "maxSkew", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "minDomains", .proto = 5, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "nodeAffinityPolicy", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "v1.NodeInclusionPolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "nodeTaintsPolicy", .proto = 7, .kind = CK_SCHEMA_STRING, .go_type = "v1.NodeInclusionPolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "topologyKey", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "whenUnsatisfiable", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "v1.UnsatisfiableConstraintAction", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_TopologySpreadConstraint[] = {2, 6, 7, 0, 3, 4, 5, 1};
static const struct ck_schema_type t_api_core_v1_TopologySpreadConstraint = {.name = "TopologySpreadConstraint", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_TopologySpreadConstraint, .proto_index = p_api_core_v1_TopologySpreadConstraint, .nfields = 8, .nextra = 0, .nproto = 8, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_TypedLocalObjectReference[] = {
	{.name = "apiGroup", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_POINTER},
	{.name = "kind", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "name", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_TypedLocalObjectReference[] = {0, 1, 2};
static const struct ck_schema_type t_api_core_v1_TypedLocalObjectReference = {.name = "TypedLocalObjectReference", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_TypedLocalObjectReference, .proto_index = p_api_core_v1_TypedLocalObjectReference, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_TypedObjectReference[] = {
	{.name = "apiGroup", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_POINTER},
	{.name = "kind", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "name", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "namespace", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_TypedObjectReference[] = {0, 1, 2, 3};
static const struct ck_schema_type t_api_core_v1_TypedObjectReference = {.name = "TypedObjectReference", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_TypedObjectReference, .proto_index = p_api_core_v1_TypedObjectReference, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_Volume[] = {
	{.name = "awsElasticBlockStore", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_AWSElasticBlockStoreVolumeSource, .go_type = "v1.AWSElasticBlockStoreVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "azureDisk", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_AzureDiskVolumeSource, .go_type = "v1.AzureDiskVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "azureFile", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_AzureFileVolumeSource, .go_type = "v1.AzureFileVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "cephfs", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_CephFSVolumeSource, .go_type = "v1.CephFSVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "cinder", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_CinderVolumeSource, .go_type = "v1.CinderVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "configMap", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ConfigMapVolumeSource, .go_type = "v1.ConfigMapVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "csi", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_CSIVolumeSource, .go_type = "v1.CSIVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "downwardAPI", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_DownwardAPIVolumeSource, .go_type = "v1.DownwardAPIVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "emptyDir", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EmptyDirVolumeSource, .go_type = "v1.EmptyDirVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "ephemeral", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EphemeralVolumeSource, .go_type = "v1.EphemeralVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "fc", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_FCVolumeSource, .go_type = "v1.FCVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "flexVolume", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_FlexVolumeSource, .go_type = "v1.FlexVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "flocker", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_FlockerVolumeSource, .go_type = "v1.FlockerVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "gcePersistentDisk", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_GCEPersistentDiskVolumeSource, .go_type = "v1.GCEPersistentDiskVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "gitRepo", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_GitRepoVolumeSource, .go_type = "v1.GitRepoVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "glusterfs", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_GlusterfsVolumeSource, .go_type = "v1.GlusterfsVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "hostPath", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_HostPathVolumeSource, .go_type = "v1.HostPathVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "image", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ImageVolumeSource, .go_type = "v1.ImageVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "iscsi", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ISCSIVolumeSource, .go_type = "v1.ISCSIVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "nfs", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NFSVolumeSource, .go_type = "v1.NFSVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "persistentVolumeClaim", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PersistentVolumeClaimVolumeSource, .go_type = "v1.PersistentVolumeClaimVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "photonPersistentDisk", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PhotonPersistentDiskVolumeSource, .go_type = "v1.PhotonPersistentDiskVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "portworxVolume", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PortworxVolumeSource, .go_type = "v1.PortworxVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "projected", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ProjectedVolumeSource, .go_type = "v1.ProjectedVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "quobyte", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_QuobyteVolumeSource, .go_type = "v1.QuobyteVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "rbd", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_RBDVolumeSource, .go_type = "v1.RBDVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "scaleIO", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ScaleIOVolumeSource, .go_type = "v1.ScaleIOVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "secret", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_SecretVolumeSource, .go_type = "v1.SecretVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "storageos", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_StorageOSVolumeSource, .go_type = "v1.StorageOSVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "vsphereVolume", .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_VsphereVirtualDiskVolumeSource, .go_type = "v1.VsphereVirtualDiskVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "volumeSource", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_VolumeSource, .go_type = "v1.VolumeSource", .flags = CK_SCHEMA_F_INLINE},
};
static const uint16_t p_api_core_v1_Volume[] = {19, 31};
static const struct ck_schema_type t_api_core_v1_Volume = {.name = "Volume", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_Volume, .proto_index = p_api_core_v1_Volume, .nfields = 31, .nextra = 1, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_VolumeDevice[] = {
	{.name = "devicePath", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_VolumeDevice[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_VolumeDevice = {.name = "VolumeDevice", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_VolumeDevice, .proto_index = p_api_core_v1_VolumeDevice, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_VolumeMount[] = {
	{.name = "mountPath", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "mountPropagation", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "v1.MountPropagationMode", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "readOnly", .proto = 2, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "recursiveReadOnly", .proto = 7, .kind = CK_SCHEMA_STRING, .go_type = "v1.RecursiveReadOnlyMode", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "subPath", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "subPathExpr", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_VolumeMount[] = {2, 3, 0, 5, 1, 6, 4};
static const struct ck_schema_type t_api_core_v1_VolumeMount = {.name = "VolumeMount", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_VolumeMount, .proto_index = p_api_core_v1_VolumeMount, .nfields = 7, .nextra = 0, .nproto = 7, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_VolumeMountStatus[] = {
	{.name = "mountPath", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "readOnly", .proto = 3, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "recursiveReadOnly", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "v1.RecursiveReadOnlyMode", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_VolumeMountStatus[] = {1, 0, 2, 3};
static const struct ck_schema_type t_api_core_v1_VolumeMountStatus = {.name = "VolumeMountStatus", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_VolumeMountStatus, .proto_index = p_api_core_v1_VolumeMountStatus, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_VolumeProjection[] = {
	{.name = "clusterTrustBundle", .proto = 5, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ClusterTrustBundleProjection, .go_type = "v1.ClusterTrustBundleProjection", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "configMap", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ConfigMapProjection, .go_type = "v1.ConfigMapProjection", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "downwardAPI", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_DownwardAPIProjection, .go_type = "v1.DownwardAPIProjection", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "secret", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_SecretProjection, .go_type = "v1.SecretProjection", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "serviceAccountToken", .proto = 4, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ServiceAccountTokenProjection, .go_type = "v1.ServiceAccountTokenProjection", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_VolumeProjection[] = {3, 2, 1, 4, 0};
static const struct ck_schema_type t_api_core_v1_VolumeProjection = {.name = "VolumeProjection", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_VolumeProjection, .proto_index = p_api_core_v1_VolumeProjection, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_VolumeResourceRequirements[] = {
	{.name = "limits", .proto = 1, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "v1.ResourceList", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "requests", .proto = 2, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_QUANTITY, .type = &t_apimachinery_pkg_api_resource_Quantity, .go_type = "v1.ResourceList", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_core_v1_VolumeResourceRequirements[] = {0, 1};
static const struct ck_schema_type t_api_core_v1_VolumeResourceRequirements = {.name = "VolumeResourceRequirements", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_VolumeResourceRequirements, .proto_index = p_api_core_v1_VolumeResourceRequirements, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_VolumeSource[] = {
	{.name = "awsElasticBlockStore", .proto = 4, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_AWSElasticBlockStoreVolumeSource, .go_type = "v1.AWSElasticBlockStoreVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "azureDisk", .proto = 22, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_AzureDiskVolumeSource, .go_type = "v1.AzureDiskVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "azureFile", .proto = 18, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_AzureFileVolumeSource, .go_type = "v1.AzureFileVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "cephfs", .proto = 14, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_CephFSVolumeSource, .go_type = "v1.CephFSVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "cinder", .proto = 13, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_CinderVolumeSource, .go_type = "v1.CinderVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "configMap", .proto = 19, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ConfigMapVolumeSource, .go_type = "v1.ConfigMapVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "csi", .proto = 28, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_CSIVolumeSource, .go_type = "v1.CSIVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "downwardAPI", .proto = 16, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_DownwardAPIVolumeSource, .go_type = "v1.DownwardAPIVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "emptyDir", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EmptyDirVolumeSource, .go_type = "v1.EmptyDirVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "ephemeral", .proto = 29, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EphemeralVolumeSource, .go_type = "v1.EphemeralVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "fc", .proto = 17, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_FCVolumeSource, .go_type = "v1.FCVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "flexVolume", .proto = 12, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_FlexVolumeSource, .go_type = "v1.FlexVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "flocker", .proto = 15, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_FlockerVolumeSource, .go_type = "v1.FlockerVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "gcePersistentDisk", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_GCEPersistentDiskVolumeSource, .go_type = "v1.GCEPersistentDiskVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "gitRepo", .proto = 5, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_GitRepoVolumeSource, .go_type = "v1.GitRepoVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "glusterfs", .proto = 9, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_GlusterfsVolumeSource, .go_type = "v1.GlusterfsVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "hostPath", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_HostPathVolumeSource, .go_type = "v1.HostPathVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "image", .proto = 30, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ImageVolumeSource, .go_type = "v1.ImageVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "iscsi", .proto = 8, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ISCSIVolumeSource, .go_type = "v1.ISCSIVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "nfs", .proto = 7, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_NFSVolumeSource, .go_type = "v1.NFSVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "persistentVolumeClaim", .proto = 10, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PersistentVolumeClaimVolumeSource, .go_type = "v1.PersistentVolumeClaimVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "photonPersistentDisk", .proto = 23, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PhotonPersistentDiskVolumeSource, .go_type = "v1.PhotonPersistentDiskVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "portworxVolume", .proto = 24, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PortworxVolumeSource, .go_type = "v1.PortworxVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "projected", .proto = 26, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ProjectedVolumeSource, .go_type = "v1.ProjectedVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "quobyte", .proto = 21, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_QuobyteVolumeSource, .go_type = "v1.QuobyteVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "rbd", .proto = 11, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_RBDVolumeSource, .go_type = "v1.RBDVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "scaleIO", .proto = 25, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ScaleIOVolumeSource, .go_type = "v1.ScaleIOVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "secret", .proto = 6, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_SecretVolumeSource, .go_type = "v1.SecretVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "storageos", .proto = 27, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_StorageOSVolumeSource, .go_type = "v1.StorageOSVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "vsphereVolume", .proto = 20, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_VsphereVirtualDiskVolumeSource, .go_type = "v1.VsphereVirtualDiskVolumeSource", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_VolumeSource[] = {16, 8, 13, 0, 14, 27, 19, 18, 15, 20, 25, 11, 4, 3, 12, 7, 10, 2, 5, 29, 24, 1, 21, 22, 26, 23, 28, 6, 9, 17};
static const struct ck_schema_type t_api_core_v1_VolumeSource = {.name = "VolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_VolumeSource, .proto_index = p_api_core_v1_VolumeSource, .nfields = 30, .nextra = 0, .nproto = 30, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_VsphereVirtualDiskVolumeSource[] = {
	{.name = "fsType", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "storagePolicyID", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "storagePolicyName", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "volumePath", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_VsphereVirtualDiskVolumeSource[] = {3, 0, 2, 1};
static const struct ck_schema_type t_api_core_v1_VsphereVirtualDiskVolumeSource = {.name = "VsphereVirtualDiskVolumeSource", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_VsphereVirtualDiskVolumeSource, .proto_index = p_api_core_v1_VsphereVirtualDiskVolumeSource, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_WeightedPodAffinityTerm[] = {
	{.name = "podAffinityTerm", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_PodAffinityTerm, .go_type = "v1.PodAffinityTerm", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "weight", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_core_v1_WeightedPodAffinityTerm[] = {1, 0};
static const struct ck_schema_type t_api_core_v1_WeightedPodAffinityTerm = {.name = "WeightedPodAffinityTerm", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_WeightedPodAffinityTerm, .proto_index = p_api_core_v1_WeightedPodAffinityTerm, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_core_v1_WindowsSecurityContextOptions[] = {
	{.name = "gmsaCredentialSpec", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "gmsaCredentialSpecName", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "hostProcess", .proto = 4, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "runAsUserName", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_core_v1_WindowsSecurityContextOptions[] = {1, 0, 3, 2};
static const struct ck_schema_type t_api_core_v1_WindowsSecurityContextOptions = {.name = "WindowsSecurityContextOptions", .pkg = &pkg_api_core_v1, .fields = f_api_core_v1_WindowsSecurityContextOptions, .proto_index = p_api_core_v1_WindowsSecurityContextOptions, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_events_v1_Event[] = {
	{.name = "action", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "deprecatedCount", .proto = 15, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "deprecatedFirstTimestamp", .proto = 13, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "deprecatedLastTimestamp", .proto = 14, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "deprecatedSource", .proto = 12, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_EventSource, .go_type = "v1.EventSource", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "eventTime", .proto = 2, .kind = CK_SCHEMA_MICRO_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_MicroTime, .go_type = "v1.MicroTime", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta"},
	{.name = "note", .proto = 10, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 7, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "regarding", .proto = 8, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ObjectReference, .go_type = "v1.ObjectReference", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "related", .proto = 9, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_ObjectReference, .go_type = "v1.ObjectReference", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "reportingController", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reportingInstance", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "series", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_events_v1_EventSeries, .go_type = "v1.EventSeries", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "type", .proto = 11, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_events_v1_Event[] = {8, 6, 15, 13, 14, 0, 10, 11, 12, 9, 16, 5, 3, 4, 2};
static const struct ck_schema_type t_api_events_v1_Event = {.name = "Event", .pkg = &pkg_api_events_v1, .fields = f_api_events_v1_Event, .proto_index = p_api_events_v1_Event, .nfields = 17, .nextra = 0, .nproto = 15, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_events_v1_EventList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_events_v1_Event, .go_type = "[]v1.Event", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_events_v1_EventList[] = {3, 1};
static const struct ck_schema_type t_api_events_v1_EventList = {.name = "EventList", .pkg = &pkg_api_events_v1, .fields = f_api_events_v1_EventList, .proto_index = p_api_events_v1_EventList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_events_v1_EventSeries[] = {
	{.name = "count", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "lastObservedTime", .proto = 2, .kind = CK_SCHEMA_MICRO_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_MicroTime, .go_type = "v1.MicroTime", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_events_v1_EventSeries[] = {0, 1};
static const struct ck_schema_type t_api_events_v1_EventSeries = {.name = "EventSeries", .pkg = &pkg_api_events_v1, .fields = f_api_events_v1_EventSeries, .proto_index = p_api_events_v1_EventSeries, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_HTTPIngressPath[] = {
	{.name = "backend", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_IngressBackend, .go_type = "v1.IngressBackend", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "path", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "pathType", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "v1.PathType", .flags = CK_SCHEMA_F_POINTER | CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_networking_v1_HTTPIngressPath[] = {1, 0, 2};
static const struct ck_schema_type t_api_networking_v1_HTTPIngressPath = {.name = "HTTPIngressPath", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_HTTPIngressPath, .proto_index = p_api_networking_v1_HTTPIngressPath, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_HTTPIngressRuleValue[] = {
	{.name = "paths", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_HTTPIngressPath, .go_type = "[]v1.HTTPIngressPath", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_networking_v1_HTTPIngressRuleValue[] = {0};
static const struct ck_schema_type t_api_networking_v1_HTTPIngressRuleValue = {.name = "HTTPIngressRuleValue", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_HTTPIngressRuleValue, .proto_index = p_api_networking_v1_HTTPIngressRuleValue, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_Ingress[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_IngressSpec, .go_type = "v1.IngressSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_IngressStatus, .go_type = "v1.IngressStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_networking_v1_Ingress[] = {2, 3, 4};
static const struct ck_schema_type t_api_networking_v1_Ingress = {.name = "Ingress", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_Ingress, .proto_index = p_api_networking_v1_Ingress, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_IngressBackend[] = {
	{.name = "resource", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_core_v1_TypedLocalObjectReference, .go_type = "v1.TypedLocalObjectReference", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "service", .proto = 4, .kind = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_IngressServiceBackend, .go_type = "v1.IngressServiceBackend", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_networking_v1_IngressBackend[] = {0, 1};
static const struct ck_schema_type t_api_networking_v1_IngressBackend = {.name = "IngressBackend", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_IngressBackend, .proto_index = p_api_networking_v1_IngressBackend, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_IngressList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_Ingress, .go_type = "[]v1.Ingress", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_networking_v1_IngressList[] = {3, 1};
static const struct ck_schema_type t_api_networking_v1_IngressList = {.name = "IngressList", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_IngressList, .proto_index = p_api_networking_v1_IngressList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_IngressLoadBalancerIngress[] = {
	{.name = "hostname", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "ip", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "ports", .proto = 4, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_IngressPortStatus, .go_type = "[]v1.IngressPortStatus", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_networking_v1_IngressLoadBalancerIngress[] = {1, 0, 2};
static const struct ck_schema_type t_api_networking_v1_IngressLoadBalancerIngress = {.name = "IngressLoadBalancerIngress", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_IngressLoadBalancerIngress, .proto_index = p_api_networking_v1_IngressLoadBalancerIngress, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_IngressLoadBalancerStatus[] = {
	{.name = "ingress", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_IngressLoadBalancerIngress, .go_type = "[]v1.IngressLoadBalancerIngress", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_networking_v1_IngressLoadBalancerStatus[] = {0};
static const struct ck_schema_type t_api_networking_v1_IngressLoadBalancerStatus = {.name = "IngressLoadBalancerStatus", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_IngressLoadBalancerStatus, .proto_index = p_api_networking_v1_IngressLoadBalancerStatus, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_IngressPortStatus[] = {
	{.name = "error", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "port", .proto = 1, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "protocol", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.Protocol", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_networking_v1_IngressPortStatus[] = {1, 2, 0};
static const struct ck_schema_type t_api_networking_v1_IngressPortStatus = {.name = "IngressPortStatus", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_IngressPortStatus, .proto_index = p_api_networking_v1_IngressPortStatus, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_IngressRule[] = {
	{.name = "host", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "http", .kind = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_HTTPIngressRuleValue, .go_type = "v1.HTTPIngressRuleValue", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER | CK_SCHEMA_F_PROMOTED},
	{.name = "ingressRuleValue", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_IngressRuleValue, .go_type = "v1.IngressRuleValue", .flags = CK_SCHEMA_F_INLINE},
};
static const uint16_t p_api_networking_v1_IngressRule[] = {0, 2};
static const struct ck_schema_type t_api_networking_v1_IngressRule = {.name = "IngressRule", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_IngressRule, .proto_index = p_api_networking_v1_IngressRule, .nfields = 2, .nextra = 1, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_IngressRuleValue[] = {
	{.name = "http", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_HTTPIngressRuleValue, .go_type = "v1.HTTPIngressRuleValue", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_networking_v1_IngressRuleValue[] = {0};
static const struct ck_schema_type t_api_networking_v1_IngressRuleValue = {.name = "IngressRuleValue", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_IngressRuleValue, .proto_index = p_api_networking_v1_IngressRuleValue, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_IngressServiceBackend[] = {
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "port", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_ServiceBackendPort, .go_type = "v1.ServiceBackendPort", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_networking_v1_IngressServiceBackend[] = {0, 1};
static const struct ck_schema_type t_api_networking_v1_IngressServiceBackend = {.name = "IngressServiceBackend", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_IngressServiceBackend, .proto_index = p_api_networking_v1_IngressServiceBackend, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_IngressSpec[] = {
	{.name = "defaultBackend", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_IngressBackend, .go_type = "v1.IngressBackend", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "ingressClassName", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "rules", .proto = 3, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_IngressRule, .go_type = "[]v1.IngressRule", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "tls", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_IngressTLS, .go_type = "[]v1.IngressTLS", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_networking_v1_IngressSpec[] = {0, 3, 2, 1};
static const struct ck_schema_type t_api_networking_v1_IngressSpec = {.name = "IngressSpec", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_IngressSpec, .proto_index = p_api_networking_v1_IngressSpec, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_IngressStatus[] = {
	{.name = "loadBalancer", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_api_networking_v1_IngressLoadBalancerStatus, .go_type = "v1.IngressLoadBalancerStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_networking_v1_IngressStatus[] = {0};
static const struct ck_schema_type t_api_networking_v1_IngressStatus = {.name = "IngressStatus", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_IngressStatus, .proto_index = p_api_networking_v1_IngressStatus, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_IngressTLS[] = {
	{.name = "hosts", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "secretName", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_networking_v1_IngressTLS[] = {0, 1};
static const struct ck_schema_type t_api_networking_v1_IngressTLS = {.name = "IngressTLS", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_IngressTLS, .proto_index = p_api_networking_v1_IngressTLS, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_networking_v1_ServiceBackendPort[] = {
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "number", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_networking_v1_ServiceBackendPort[] = {0, 1};
static const struct ck_schema_type t_api_networking_v1_ServiceBackendPort = {.name = "ServiceBackendPort", .pkg = &pkg_api_networking_v1, .fields = f_api_networking_v1_ServiceBackendPort, .proto_index = p_api_networking_v1_ServiceBackendPort, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_policy_v1_Eviction[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "deleteOptions", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .go_type = "v1.DeleteOptions", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_policy_v1_Eviction[] = {3, 1};
static const struct ck_schema_type t_api_policy_v1_Eviction = {.name = "Eviction", .pkg = &pkg_api_policy_v1, .fields = f_api_policy_v1_Eviction, .proto_index = p_api_policy_v1_Eviction, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_policy_v1_PodDisruptionBudget[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_policy_v1_PodDisruptionBudgetSpec, .go_type = "v1.PodDisruptionBudgetSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_policy_v1_PodDisruptionBudgetStatus, .go_type = "v1.PodDisruptionBudgetStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_policy_v1_PodDisruptionBudget[] = {2, 3, 4};
static const struct ck_schema_type t_api_policy_v1_PodDisruptionBudget = {.name = "PodDisruptionBudget", .pkg = &pkg_api_policy_v1, .fields = f_api_policy_v1_PodDisruptionBudget, .proto_index = p_api_policy_v1_PodDisruptionBudget, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_policy_v1_PodDisruptionBudgetList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_policy_v1_PodDisruptionBudget, .go_type = "[]v1.PodDisruptionBudget", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_policy_v1_PodDisruptionBudgetList[] = {3, 1};
static const struct ck_schema_type t_api_policy_v1_PodDisruptionBudgetList = {.name = "PodDisruptionBudgetList", .pkg = &pkg_api_policy_v1, .fields = f_api_policy_v1_PodDisruptionBudgetList, .proto_index = p_api_policy_v1_PodDisruptionBudgetList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_policy_v1_PodDisruptionBudgetSpec[] = {
	{.name = "maxUnavailable", .proto = 3, .kind = CK_SCHEMA_INT_OR_STRING, .type = &t_apimachinery_pkg_util_intstr_IntOrString, .go_type = "intstr.IntOrString", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "minAvailable", .proto = 1, .kind = CK_SCHEMA_INT_OR_STRING, .type = &t_apimachinery_pkg_util_intstr_IntOrString, .go_type = "intstr.IntOrString", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "selector", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_LabelSelector, .go_type = "v1.LabelSelector", .strategy = S_REPLACE, .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "unhealthyPodEvictionPolicy", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "v1.UnhealthyPodEvictionPolicyType", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_policy_v1_PodDisruptionBudgetSpec[] = {1, 2, 0, 3};
static const struct ck_schema_type t_api_policy_v1_PodDisruptionBudgetSpec = {.name = "PodDisruptionBudgetSpec", .pkg = &pkg_api_policy_v1, .fields = f_api_policy_v1_PodDisruptionBudgetSpec, .proto_index = p_api_policy_v1_PodDisruptionBudgetSpec, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_policy_v1_PodDisruptionBudgetStatus[] = {
	{.name = "conditions", .proto = 7, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_Condition, .go_type = "[]v1.Condition", .strategy = S_MERGE, .merge_key = "type", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_8, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "currentHealthy", .proto = 4, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "desiredHealthy", .proto = 5, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "disruptedPods", .proto = 2, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "map[string]v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "disruptionsAllowed", .proto = 3, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "expectedPods", .proto = 6, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "observedGeneration", .proto = 1, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_policy_v1_PodDisruptionBudgetStatus[] = {6, 3, 4, 1, 2, 5, 0};
static const struct ck_schema_type t_api_policy_v1_PodDisruptionBudgetStatus = {.name = "PodDisruptionBudgetStatus", .pkg = &pkg_api_policy_v1, .fields = f_api_policy_v1_PodDisruptionBudgetStatus, .proto_index = p_api_policy_v1_PodDisruptionBudgetStatus, .nfields = 7, .nextra = 0, .nproto = 7, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_policy_v1beta1_Eviction[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "deleteOptions", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .go_type = "v1.DeleteOptions", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_policy_v1beta1_Eviction[] = {3, 1};
static const struct ck_schema_type t_api_policy_v1beta1_Eviction = {.name = "Eviction", .pkg = &pkg_api_policy_v1beta1, .fields = f_api_policy_v1beta1_Eviction, .proto_index = p_api_policy_v1beta1_Eviction, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_policy_v1beta1_PodDisruptionBudget[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "spec", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_api_policy_v1beta1_PodDisruptionBudgetSpec, .go_type = "v1beta1.PodDisruptionBudgetSpec", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_policy_v1beta1_PodDisruptionBudgetStatus, .go_type = "v1beta1.PodDisruptionBudgetStatus", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_policy_v1beta1_PodDisruptionBudget[] = {2, 3, 4};
static const struct ck_schema_type t_api_policy_v1beta1_PodDisruptionBudget = {.name = "PodDisruptionBudget", .pkg = &pkg_api_policy_v1beta1, .fields = f_api_policy_v1beta1_PodDisruptionBudget, .proto_index = p_api_policy_v1beta1_PodDisruptionBudget, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_policy_v1beta1_PodDisruptionBudgetList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_policy_v1beta1_PodDisruptionBudget, .go_type = "[]v1beta1.PodDisruptionBudget", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_policy_v1beta1_PodDisruptionBudgetList[] = {3, 1};
static const struct ck_schema_type t_api_policy_v1beta1_PodDisruptionBudgetList = {.name = "PodDisruptionBudgetList", .pkg = &pkg_api_policy_v1beta1, .fields = f_api_policy_v1beta1_PodDisruptionBudgetList, .proto_index = p_api_policy_v1beta1_PodDisruptionBudgetList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_policy_v1beta1_PodDisruptionBudgetSpec[] = {
	{.name = "maxUnavailable", .proto = 3, .kind = CK_SCHEMA_INT_OR_STRING, .type = &t_apimachinery_pkg_util_intstr_IntOrString, .go_type = "intstr.IntOrString", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "minAvailable", .proto = 1, .kind = CK_SCHEMA_INT_OR_STRING, .type = &t_apimachinery_pkg_util_intstr_IntOrString, .go_type = "intstr.IntOrString", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "selector", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_LabelSelector, .go_type = "v1.LabelSelector", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "unhealthyPodEvictionPolicy", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "v1beta1.UnhealthyPodEvictionPolicyType", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_api_policy_v1beta1_PodDisruptionBudgetSpec[] = {1, 2, 0, 3};
static const struct ck_schema_type t_api_policy_v1beta1_PodDisruptionBudgetSpec = {.name = "PodDisruptionBudgetSpec", .pkg = &pkg_api_policy_v1beta1, .fields = f_api_policy_v1beta1_PodDisruptionBudgetSpec, .proto_index = p_api_policy_v1beta1_PodDisruptionBudgetSpec, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_policy_v1beta1_PodDisruptionBudgetStatus[] = {
	{.name = "conditions", .proto = 7, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_Condition, .go_type = "[]v1.Condition", .strategy = S_MERGE, .merge_key = "type", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_8, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "currentHealthy", .proto = 4, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "desiredHealthy", .proto = 5, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "disruptedPods", .proto = 2, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "map[string]v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "disruptionsAllowed", .proto = 3, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "expectedPods", .proto = 6, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "observedGeneration", .proto = 1, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_policy_v1beta1_PodDisruptionBudgetStatus[] = {6, 3, 4, 1, 2, 5, 0};
static const struct ck_schema_type t_api_policy_v1beta1_PodDisruptionBudgetStatus = {.name = "PodDisruptionBudgetStatus", .pkg = &pkg_api_policy_v1beta1, .fields = f_api_policy_v1beta1_PodDisruptionBudgetStatus, .proto_index = p_api_policy_v1beta1_PodDisruptionBudgetStatus, .nfields = 7, .nextra = 0, .nproto = 7, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_rbac_v1_AggregationRule[] = {
	{.name = "clusterRoleSelectors", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_LabelSelector, .go_type = "[]v1.LabelSelector", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_rbac_v1_AggregationRule[] = {0};
static const struct ck_schema_type t_api_rbac_v1_AggregationRule = {.name = "AggregationRule", .pkg = &pkg_api_rbac_v1, .fields = f_api_rbac_v1_AggregationRule, .proto_index = p_api_rbac_v1_AggregationRule, .nfields = 1, .nextra = 0, .nproto = 1, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_rbac_v1_ClusterRole[] = {
	{.name = "aggregationRule", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_rbac_v1_AggregationRule, .go_type = "v1.AggregationRule", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "rules", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_rbac_v1_PolicyRule, .go_type = "[]v1.PolicyRule", .list_type = CK_SCHEMA_LIST_ATOMIC},
};
static const uint16_t p_api_rbac_v1_ClusterRole[] = {3, 4, 0};
static const struct ck_schema_type t_api_rbac_v1_ClusterRole = {.name = "ClusterRole", .pkg = &pkg_api_rbac_v1, .fields = f_api_rbac_v1_ClusterRole, .proto_index = p_api_rbac_v1_ClusterRole, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_rbac_v1_ClusterRoleBinding[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "roleRef", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_rbac_v1_RoleRef, .go_type = "v1.RoleRef", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "subjects", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_rbac_v1_Subject, .go_type = "[]v1.Subject", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_rbac_v1_ClusterRoleBinding[] = {2, 4, 3};
static const struct ck_schema_type t_api_rbac_v1_ClusterRoleBinding = {.name = "ClusterRoleBinding", .pkg = &pkg_api_rbac_v1, .fields = f_api_rbac_v1_ClusterRoleBinding, .proto_index = p_api_rbac_v1_ClusterRoleBinding, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_rbac_v1_ClusterRoleBindingList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_rbac_v1_ClusterRoleBinding, .go_type = "[]v1.ClusterRoleBinding", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_rbac_v1_ClusterRoleBindingList[] = {3, 1};
static const struct ck_schema_type t_api_rbac_v1_ClusterRoleBindingList = {.name = "ClusterRoleBindingList", .pkg = &pkg_api_rbac_v1, .fields = f_api_rbac_v1_ClusterRoleBindingList, .proto_index = p_api_rbac_v1_ClusterRoleBindingList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_rbac_v1_ClusterRoleList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_rbac_v1_ClusterRole, .go_type = "[]v1.ClusterRole", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_rbac_v1_ClusterRoleList[] = {3, 1};
static const struct ck_schema_type t_api_rbac_v1_ClusterRoleList = {.name = "ClusterRoleList", .pkg = &pkg_api_rbac_v1, .fields = f_api_rbac_v1_ClusterRoleList, .proto_index = p_api_rbac_v1_ClusterRoleList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_rbac_v1_PolicyRule[] = {
	{.name = "apiGroups", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "nonResourceURLs", .proto = 5, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "resourceNames", .proto = 4, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "resources", .proto = 3, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "verbs", .proto = 1, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_rbac_v1_PolicyRule[] = {4, 0, 3, 2, 1};
static const struct ck_schema_type t_api_rbac_v1_PolicyRule = {.name = "PolicyRule", .pkg = &pkg_api_rbac_v1, .fields = f_api_rbac_v1_PolicyRule, .proto_index = p_api_rbac_v1_PolicyRule, .nfields = 5, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_rbac_v1_Role[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "rules", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_rbac_v1_PolicyRule, .go_type = "[]v1.PolicyRule", .list_type = CK_SCHEMA_LIST_ATOMIC},
};
static const uint16_t p_api_rbac_v1_Role[] = {2, 3};
static const struct ck_schema_type t_api_rbac_v1_Role = {.name = "Role", .pkg = &pkg_api_rbac_v1, .fields = f_api_rbac_v1_Role, .proto_index = p_api_rbac_v1_Role, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_rbac_v1_RoleBinding[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "roleRef", .proto = 3, .kind = CK_SCHEMA_OBJECT, .type = &t_api_rbac_v1_RoleRef, .go_type = "v1.RoleRef", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "subjects", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_rbac_v1_Subject, .go_type = "[]v1.Subject", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_rbac_v1_RoleBinding[] = {2, 4, 3};
static const struct ck_schema_type t_api_rbac_v1_RoleBinding = {.name = "RoleBinding", .pkg = &pkg_api_rbac_v1, .fields = f_api_rbac_v1_RoleBinding, .proto_index = p_api_rbac_v1_RoleBinding, .nfields = 5, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_rbac_v1_RoleBindingList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_rbac_v1_RoleBinding, .go_type = "[]v1.RoleBinding", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_rbac_v1_RoleBindingList[] = {3, 1};
static const struct ck_schema_type t_api_rbac_v1_RoleBindingList = {.name = "RoleBindingList", .pkg = &pkg_api_rbac_v1, .fields = f_api_rbac_v1_RoleBindingList, .proto_index = p_api_rbac_v1_RoleBindingList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_rbac_v1_RoleList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_rbac_v1_Role, .go_type = "[]v1.Role", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_rbac_v1_RoleList[] = {3, 1};
static const struct ck_schema_type t_api_rbac_v1_RoleList = {.name = "RoleList", .pkg = &pkg_api_rbac_v1, .fields = f_api_rbac_v1_RoleList, .proto_index = p_api_rbac_v1_RoleList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_rbac_v1_RoleRef[] = {
	{.name = "apiGroup", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "name", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_rbac_v1_RoleRef[] = {0, 1, 2};
static const struct ck_schema_type t_api_rbac_v1_RoleRef = {.name = "RoleRef", .pkg = &pkg_api_rbac_v1, .fields = f_api_rbac_v1_RoleRef, .proto_index = p_api_rbac_v1_RoleRef, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_rbac_v1_Subject[] = {
	{.name = "apiGroup", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "kind", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "name", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "namespace", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_rbac_v1_Subject[] = {1, 0, 2, 3};
static const struct ck_schema_type t_api_rbac_v1_Subject = {.name = "Subject", .pkg = &pkg_api_rbac_v1, .fields = f_api_rbac_v1_Subject, .proto_index = p_api_rbac_v1_Subject, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_scheduling_v1_PriorityClass[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "description", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "globalDefault", .proto = 3, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ObjectMeta, .go_type = "v1.ObjectMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "preemptionPolicy", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "v1.PreemptionPolicy", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "value", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_api_scheduling_v1_PriorityClass[] = {4, 6, 2, 1, 5};
static const struct ck_schema_type t_api_scheduling_v1_PriorityClass = {.name = "PriorityClass", .pkg = &pkg_api_scheduling_v1, .fields = f_api_scheduling_v1_PriorityClass, .proto_index = p_api_scheduling_v1_PriorityClass, .nfields = 7, .nextra = 0, .nproto = 5, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_api_scheduling_v1_PriorityClassList[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "items", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_api_scheduling_v1_PriorityClass, .go_type = "[]v1.PriorityClass", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_api_scheduling_v1_PriorityClassList[] = {3, 1};
static const struct ck_schema_type t_api_scheduling_v1_PriorityClassList = {.name = "PriorityClassList", .pkg = &pkg_api_scheduling_v1, .fields = f_api_scheduling_v1_PriorityClassList, .proto_index = p_api_scheduling_v1_PriorityClassList, .nfields = 4, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_api_resource_Quantity[] = {
	{.name = "string", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string"},
};
static const uint16_t p_apimachinery_pkg_api_resource_Quantity[] = {0};
static const struct ck_schema_type t_apimachinery_pkg_api_resource_Quantity = {.name = "Quantity", .pkg = &pkg_apimachinery_pkg_api_resource, .fields = f_apimachinery_pkg_api_resource_Quantity, .proto_index = p_apimachinery_pkg_api_resource_Quantity, .nfields = 0, .nextra = 1, .nproto = 1, .wrapper = CK_SCHEMA_QUANTITY, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_Condition[] = {
	{.name = "lastTransitionTime", .proto = 4, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "message", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "observedGeneration", .proto = 3, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "status", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ConditionStatus", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_Condition[] = {5, 4, 2, 0, 3, 1};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_Condition = {.name = "Condition", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_Condition, .proto_index = p_apimachinery_pkg_apis_meta_v1_Condition, .nfields = 6, .nextra = 0, .nproto = 6, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_DeleteOptions[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "dryRun", .proto = 5, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "gracePeriodSeconds", .proto = 1, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "ignoreStoreReadErrorWithClusterBreakingPotential", .proto = 6, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "orphanDependents", .proto = 3, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "preconditions", .proto = 2, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_Preconditions, .go_type = "v1.Preconditions", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "propagationPolicy", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "v1.DeletionPropagation", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_DeleteOptions[] = {2, 6, 5, 7, 1, 3};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_DeleteOptions = {.name = "DeleteOptions", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_DeleteOptions, .proto_index = p_apimachinery_pkg_apis_meta_v1_DeleteOptions, .nfields = 8, .nextra = 0, .nproto = 6, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_FieldsV1[] = {
	{.name = "Raw", .proto = 1, .kind = CK_SCHEMA_BYTES, .go_type = "bytes"},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_FieldsV1[] = {0};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_FieldsV1 = {.name = "FieldsV1", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_FieldsV1, .proto_index = p_apimachinery_pkg_apis_meta_v1_FieldsV1, .nfields = 0, .nextra = 1, .nproto = 1, .wrapper = CK_SCHEMA_RAW, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_LabelSelector[] = {
	{.name = "matchExpressions", .proto = 2, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_LabelSelectorRequirement, .go_type = "[]v1.LabelSelectorRequirement", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "matchLabels", .proto = 1, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_STRING, .go_type = "map[string]string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_LabelSelector[] = {1, 0};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_LabelSelector = {.name = "LabelSelector", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_LabelSelector, .proto_index = p_apimachinery_pkg_apis_meta_v1_LabelSelector, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_LabelSelectorRequirement[] = {
	{.name = "key", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "operator", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.LabelSelectorOperator", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "values", .proto = 3, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_LabelSelectorRequirement[] = {0, 1, 2};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_LabelSelectorRequirement = {.name = "LabelSelectorRequirement", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_LabelSelectorRequirement, .proto_index = p_apimachinery_pkg_apis_meta_v1_LabelSelectorRequirement, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_ListMeta[] = {
	{.name = "continue", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "remainingItemCount", .proto = 4, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "resourceVersion", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "selfLink", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_ListMeta[] = {3, 2, 0, 1};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_ListMeta = {.name = "ListMeta", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_ListMeta, .proto_index = p_apimachinery_pkg_apis_meta_v1_ListMeta, .nfields = 4, .nextra = 0, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_ManagedFieldsEntry[] = {
	{.name = "apiVersion", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "fieldsType", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "fieldsV1", .proto = 7, .kind = CK_SCHEMA_RAW, .type = &t_apimachinery_pkg_apis_meta_v1_FieldsV1, .go_type = "v1.FieldsV1", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "manager", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "operation", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "v1.ManagedFieldsOperationType", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "subresource", .proto = 8, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "time", .proto = 4, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_ManagedFieldsEntry[] = {3, 4, 0, 6, 1, 2, 5};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_ManagedFieldsEntry = {.name = "ManagedFieldsEntry", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_ManagedFieldsEntry, .proto_index = p_apimachinery_pkg_apis_meta_v1_ManagedFieldsEntry, .nfields = 7, .nextra = 0, .nproto = 7, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_MicroTime[] = {
	{.name = "seconds", .proto = 1, .kind = CK_SCHEMA_INT64, .go_type = "int64"},
	{.name = "nanos", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32"},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_MicroTime[] = {0, 1};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_MicroTime = {.name = "MicroTime", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_MicroTime, .proto_index = p_apimachinery_pkg_apis_meta_v1_MicroTime, .nfields = 0, .nextra = 2, .nproto = 2, .wrapper = CK_SCHEMA_MICRO_TIME, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_ObjectMeta[] = {
	{.name = "annotations", .proto = 12, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_STRING, .go_type = "map[string]string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "creationTimestamp", .proto = 8, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "deletionGracePeriodSeconds", .proto = 10, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "deletionTimestamp", .proto = 9, .kind = CK_SCHEMA_TIME, .type = &t_apimachinery_pkg_apis_meta_v1_Time, .go_type = "v1.Time", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "finalizers", .proto = 14, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_STRING, .go_type = "[]string", .strategy = S_MERGE, .list_type = CK_SCHEMA_LIST_SET, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "generateName", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "generation", .proto = 7, .kind = CK_SCHEMA_INT64, .go_type = "int64", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "labels", .proto = 11, .kind = CK_SCHEMA_MAP, .elem = CK_SCHEMA_STRING, .go_type = "map[string]string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "managedFields", .proto = 17, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ManagedFieldsEntry, .go_type = "[]v1.ManagedFieldsEntry", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "namespace", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "ownerReferences", .proto = 13, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_OwnerReference, .go_type = "[]v1.OwnerReference", .strategy = S_MERGE, .merge_key = "uid", .list_type = CK_SCHEMA_LIST_MAP, .list_map_keys = mk_9, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "resourceVersion", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "selfLink", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "uid", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "types.UID", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_ObjectMeta[] = {9, 5, 10, 13, 14, 12, 6, 1, 3, 2, 7, 0, 11, 4, 8};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_ObjectMeta = {.name = "ObjectMeta", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_ObjectMeta, .proto_index = p_apimachinery_pkg_apis_meta_v1_ObjectMeta, .nfields = 15, .nextra = 0, .nproto = 15, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_OwnerReference[] = {
	{.name = "apiVersion", .proto = 5, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "blockOwnerDeletion", .proto = 7, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "controller", .proto = 6, .kind = CK_SCHEMA_BOOL, .go_type = "bool", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "kind", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "name", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "uid", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "types.UID", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_OwnerReference[] = {3, 4, 5, 0, 2, 1};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_OwnerReference = {.name = "OwnerReference", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_OwnerReference, .proto_index = p_apimachinery_pkg_apis_meta_v1_OwnerReference, .nfields = 6, .nextra = 0, .nproto = 6, .flags = CK_SCHEMA_T_ATOMIC | CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_Preconditions[] = {
	{.name = "resourceVersion", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "uid", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "types.UID", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_Preconditions[] = {1, 0};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_Preconditions = {.name = "Preconditions", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_Preconditions, .proto_index = p_apimachinery_pkg_apis_meta_v1_Preconditions, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_Status[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "code", .proto = 6, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "details", .proto = 5, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_StatusDetails, .go_type = "v1.StatusDetails", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_POINTER},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "message", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "metadata", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "v1.StatusReason", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_Status[] = {5, 7, 4, 6, 2, 1};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_Status = {.name = "Status", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_Status, .proto_index = p_apimachinery_pkg_apis_meta_v1_Status, .nfields = 8, .nextra = 0, .nproto = 6, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_StatusCause[] = {
	{.name = "field", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "message", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "v1.CauseType", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_StatusCause[] = {2, 1, 0};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_StatusCause = {.name = "StatusCause", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_StatusCause, .proto_index = p_apimachinery_pkg_apis_meta_v1_StatusCause, .nfields = 3, .nextra = 0, .nproto = 3, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_StatusDetails[] = {
	{.name = "causes", .proto = 4, .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_StatusCause, .go_type = "[]v1.StatusCause", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "group", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "kind", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "name", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "retryAfterSeconds", .proto = 5, .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "uid", .proto = 6, .kind = CK_SCHEMA_STRING, .go_type = "types.UID", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_StatusDetails[] = {3, 1, 2, 0, 4, 5};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_StatusDetails = {.name = "StatusDetails", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_StatusDetails, .proto_index = p_apimachinery_pkg_apis_meta_v1_StatusDetails, .nfields = 6, .nextra = 0, .nproto = 6, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_Table[] = {
	{.name = "apiVersion", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "columnDefinitions", .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_TableColumnDefinition, .go_type = "[]v1.TableColumnDefinition", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "kind", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY | CK_SCHEMA_F_PROMOTED},
	{.name = "metadata", .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_ListMeta, .go_type = "v1.ListMeta", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "rows", .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_TableRow, .go_type = "[]v1.TableRow", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_REQUIRED},
};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_Table = {.name = "Table", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_Table, .nfields = 5, .nextra = 0, .nproto = 0, .flags = 0};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_TableColumnDefinition[] = {
	{.name = "description", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "format", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "name", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "priority", .kind = CK_SCHEMA_INT32, .go_type = "int32", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_TableColumnDefinition = {.name = "TableColumnDefinition", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_TableColumnDefinition, .nfields = 5, .nextra = 0, .nproto = 0, .flags = 0};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_TableRow[] = {
	{.name = "cells", .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_RAW, .go_type = "[]interface {}", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "conditions", .kind = CK_SCHEMA_ARRAY, .elem = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_apis_meta_v1_TableRowCondition, .go_type = "[]v1.TableRowCondition", .list_type = CK_SCHEMA_LIST_ATOMIC, .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "object", .kind = CK_SCHEMA_RAW, .type = &t_apimachinery_pkg_runtime_RawExtension, .go_type = "runtime.RawExtension", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_TableRow = {.name = "TableRow", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_TableRow, .nfields = 3, .nextra = 0, .nproto = 0, .flags = 0};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_TableRowCondition[] = {
	{.name = "message", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "reason", .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "status", .kind = CK_SCHEMA_STRING, .go_type = "v1.ConditionStatus", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .kind = CK_SCHEMA_STRING, .go_type = "v1.RowConditionType", .flags = CK_SCHEMA_F_REQUIRED},
};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_TableRowCondition = {.name = "TableRowCondition", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_TableRowCondition, .nfields = 4, .nextra = 0, .nproto = 0, .flags = 0};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_Time[] = {
	{.name = "seconds", .proto = 1, .kind = CK_SCHEMA_INT64, .go_type = "int64"},
	{.name = "nanos", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32"},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_Time[] = {0, 1};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_Time = {.name = "Time", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_Time, .proto_index = p_apimachinery_pkg_apis_meta_v1_Time, .nfields = 0, .nextra = 2, .nproto = 2, .wrapper = CK_SCHEMA_TIME, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_TypeMeta[] = {
	{.name = "apiVersion", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
	{.name = "kind", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_OMITEMPTY},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_TypeMeta[] = {1, 0};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_TypeMeta = {.name = "TypeMeta", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_TypeMeta, .proto_index = p_apimachinery_pkg_apis_meta_v1_TypeMeta, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_apis_meta_v1_WatchEvent[] = {
	{.name = "object", .proto = 2, .kind = CK_SCHEMA_RAW, .type = &t_apimachinery_pkg_runtime_RawExtension, .go_type = "runtime.RawExtension", .flags = CK_SCHEMA_F_REQUIRED},
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string", .flags = CK_SCHEMA_F_REQUIRED},
};
static const uint16_t p_apimachinery_pkg_apis_meta_v1_WatchEvent[] = {1, 0};
static const struct ck_schema_type t_apimachinery_pkg_apis_meta_v1_WatchEvent = {.name = "WatchEvent", .pkg = &pkg_apimachinery_pkg_apis_meta_v1, .fields = f_apimachinery_pkg_apis_meta_v1_WatchEvent, .proto_index = p_apimachinery_pkg_apis_meta_v1_WatchEvent, .nfields = 2, .nextra = 0, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_runtime_RawExtension[] = {
	{.name = "raw", .proto = 1, .kind = CK_SCHEMA_BYTES, .go_type = "bytes"},
};
static const uint16_t p_apimachinery_pkg_runtime_RawExtension[] = {0};
static const struct ck_schema_type t_apimachinery_pkg_runtime_RawExtension = {.name = "RawExtension", .pkg = &pkg_apimachinery_pkg_runtime, .fields = f_apimachinery_pkg_runtime_RawExtension, .proto_index = p_apimachinery_pkg_runtime_RawExtension, .nfields = 0, .nextra = 1, .nproto = 1, .wrapper = CK_SCHEMA_RAW, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_runtime_TypeMeta[] = {
	{.name = "apiVersion", .proto = 1, .kind = CK_SCHEMA_STRING, .go_type = "string"},
	{.name = "kind", .proto = 2, .kind = CK_SCHEMA_STRING, .go_type = "string"},
};
static const uint16_t p_apimachinery_pkg_runtime_TypeMeta[] = {0, 1};
static const struct ck_schema_type t_apimachinery_pkg_runtime_TypeMeta = {.name = "TypeMeta", .pkg = &pkg_apimachinery_pkg_runtime, .fields = f_apimachinery_pkg_runtime_TypeMeta, .proto_index = p_apimachinery_pkg_runtime_TypeMeta, .nfields = 0, .nextra = 2, .nproto = 2, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_runtime_Unknown[] = {
	{.name = "typeMeta", .proto = 1, .kind = CK_SCHEMA_OBJECT, .type = &t_apimachinery_pkg_runtime_TypeMeta, .go_type = "runtime.TypeMeta"},
	{.name = "raw", .proto = 2, .kind = CK_SCHEMA_BYTES, .go_type = "bytes"},
	{.name = "contentEncoding", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string"},
	{.name = "contentType", .proto = 4, .kind = CK_SCHEMA_STRING, .go_type = "string"},
};
static const uint16_t p_apimachinery_pkg_runtime_Unknown[] = {0, 1, 2, 3};
static const struct ck_schema_type t_apimachinery_pkg_runtime_Unknown = {.name = "Unknown", .pkg = &pkg_apimachinery_pkg_runtime, .fields = f_apimachinery_pkg_runtime_Unknown, .proto_index = p_apimachinery_pkg_runtime_Unknown, .nfields = 0, .nextra = 4, .nproto = 4, .flags = CK_SCHEMA_T_PROTO};

static const struct ck_schema_field f_apimachinery_pkg_util_intstr_IntOrString[] = {
	{.name = "type", .proto = 1, .kind = CK_SCHEMA_INT64, .go_type = "int64"},
	{.name = "intVal", .proto = 2, .kind = CK_SCHEMA_INT32, .go_type = "int32"},
	{.name = "strVal", .proto = 3, .kind = CK_SCHEMA_STRING, .go_type = "string"},
};
static const uint16_t p_apimachinery_pkg_util_intstr_IntOrString[] = {0, 1, 2};
static const struct ck_schema_type t_apimachinery_pkg_util_intstr_IntOrString = {.name = "IntOrString", .pkg = &pkg_apimachinery_pkg_util_intstr, .fields = f_apimachinery_pkg_util_intstr_IntOrString, .proto_index = p_apimachinery_pkg_util_intstr_IntOrString, .nfields = 0, .nextra = 3, .nproto = 3, .wrapper = CK_SCHEMA_INT_OR_STRING, .flags = CK_SCHEMA_T_PROTO};

const struct ck_schema_type *const ck_schema_tab_types[] = {
	&t_api_apps_v1_DaemonSet,
	&t_api_apps_v1_DaemonSetCondition,
	&t_api_apps_v1_DaemonSetList,
	&t_api_apps_v1_DaemonSetSpec,
	&t_api_apps_v1_DaemonSetStatus,
	&t_api_apps_v1_DaemonSetUpdateStrategy,
	&t_api_apps_v1_Deployment,
	&t_api_apps_v1_DeploymentCondition,
	&t_api_apps_v1_DeploymentList,
	&t_api_apps_v1_DeploymentSpec,
	&t_api_apps_v1_DeploymentStatus,
	&t_api_apps_v1_DeploymentStrategy,
	&t_api_apps_v1_ReplicaSet,
	&t_api_apps_v1_ReplicaSetCondition,
	&t_api_apps_v1_ReplicaSetList,
	&t_api_apps_v1_ReplicaSetSpec,
	&t_api_apps_v1_ReplicaSetStatus,
	&t_api_apps_v1_RollingUpdateDaemonSet,
	&t_api_apps_v1_RollingUpdateDeployment,
	&t_api_apps_v1_RollingUpdateStatefulSetStrategy,
	&t_api_apps_v1_StatefulSet,
	&t_api_apps_v1_StatefulSetCondition,
	&t_api_apps_v1_StatefulSetList,
	&t_api_apps_v1_StatefulSetOrdinals,
	&t_api_apps_v1_StatefulSetPersistentVolumeClaimRetentionPolicy,
	&t_api_apps_v1_StatefulSetSpec,
	&t_api_apps_v1_StatefulSetStatus,
	&t_api_apps_v1_StatefulSetUpdateStrategy,
	&t_api_authentication_v1_BoundObjectReference,
	&t_api_authentication_v1_TokenRequest,
	&t_api_authentication_v1_TokenRequestSpec,
	&t_api_authentication_v1_TokenRequestStatus,
	&t_api_autoscaling_v1_Scale,
	&t_api_autoscaling_v1_ScaleSpec,
	&t_api_autoscaling_v1_ScaleStatus,
	&t_api_batch_v1_CronJob,
	&t_api_batch_v1_CronJobList,
	&t_api_batch_v1_CronJobSpec,
	&t_api_batch_v1_CronJobStatus,
	&t_api_batch_v1_Job,
	&t_api_batch_v1_JobCondition,
	&t_api_batch_v1_JobList,
	&t_api_batch_v1_JobSpec,
	&t_api_batch_v1_JobStatus,
	&t_api_batch_v1_JobTemplateSpec,
	&t_api_batch_v1_PodFailurePolicy,
	&t_api_batch_v1_PodFailurePolicyOnExitCodesRequirement,
	&t_api_batch_v1_PodFailurePolicyOnPodConditionsPattern,
	&t_api_batch_v1_PodFailurePolicyRule,
	&t_api_batch_v1_SuccessPolicy,
	&t_api_batch_v1_SuccessPolicyRule,
	&t_api_batch_v1_UncountedTerminatedPods,
	&t_api_coordination_v1_Lease,
	&t_api_coordination_v1_LeaseList,
	&t_api_coordination_v1_LeaseSpec,
	&t_api_core_v1_AWSElasticBlockStoreVolumeSource,
	&t_api_core_v1_Affinity,
	&t_api_core_v1_AppArmorProfile,
	&t_api_core_v1_AttachedVolume,
	&t_api_core_v1_AzureDiskVolumeSource,
	&t_api_core_v1_AzureFileVolumeSource,
	&t_api_core_v1_Binding,
	&t_api_core_v1_CSIVolumeSource,
	&t_api_core_v1_Capabilities,
	&t_api_core_v1_CephFSVolumeSource,
	&t_api_core_v1_CinderVolumeSource,
	&t_api_core_v1_ClientIPConfig,
	&t_api_core_v1_ClusterTrustBundleProjection,
	&t_api_core_v1_ConfigMap,
	&t_api_core_v1_ConfigMapEnvSource,
	&t_api_core_v1_ConfigMapKeySelector,
	&t_api_core_v1_ConfigMapList,
	&t_api_core_v1_ConfigMapNodeConfigSource,
	&t_api_core_v1_ConfigMapProjection,
	&t_api_core_v1_ConfigMapVolumeSource,
	&t_api_core_v1_Container,
	&t_api_core_v1_ContainerImage,
	&t_api_core_v1_ContainerPort,
	&t_api_core_v1_ContainerResizePolicy,
	&t_api_core_v1_ContainerState,
	&t_api_core_v1_ContainerStateRunning,
	&t_api_core_v1_ContainerStateTerminated,
	&t_api_core_v1_ContainerStateWaiting,
	&t_api_core_v1_ContainerStatus,
	&t_api_core_v1_ContainerUser,
	&t_api_core_v1_DaemonEndpoint,
	&t_api_core_v1_DownwardAPIProjection,
	&t_api_core_v1_DownwardAPIVolumeFile,
	&t_api_core_v1_DownwardAPIVolumeSource,
	&t_api_core_v1_EmptyDirVolumeSource,
	&t_api_core_v1_EndpointAddress,
	&t_api_core_v1_EndpointPort,
	&t_api_core_v1_EndpointSubset,
	&t_api_core_v1_Endpoints,
	&t_api_core_v1_EndpointsList,
	&t_api_core_v1_EnvFromSource,
	&t_api_core_v1_EnvVar,
	&t_api_core_v1_EnvVarSource,
	&t_api_core_v1_EphemeralContainer,
	&t_api_core_v1_EphemeralContainerCommon,
	&t_api_core_v1_EphemeralVolumeSource,
	&t_api_core_v1_Event,
	&t_api_core_v1_EventList,
	&t_api_core_v1_EventSeries,
	&t_api_core_v1_EventSource,
	&t_api_core_v1_ExecAction,
	&t_api_core_v1_FCVolumeSource,
	&t_api_core_v1_FlexVolumeSource,
	&t_api_core_v1_FlockerVolumeSource,
	&t_api_core_v1_GCEPersistentDiskVolumeSource,
	&t_api_core_v1_GRPCAction,
	&t_api_core_v1_GitRepoVolumeSource,
	&t_api_core_v1_GlusterfsVolumeSource,
	&t_api_core_v1_HTTPGetAction,
	&t_api_core_v1_HTTPHeader,
	&t_api_core_v1_HostAlias,
	&t_api_core_v1_HostIP,
	&t_api_core_v1_HostPathVolumeSource,
	&t_api_core_v1_ISCSIVolumeSource,
	&t_api_core_v1_ImageVolumeSource,
	&t_api_core_v1_KeyToPath,
	&t_api_core_v1_Lifecycle,
	&t_api_core_v1_LifecycleHandler,
	&t_api_core_v1_LinuxContainerUser,
	&t_api_core_v1_LoadBalancerIngress,
	&t_api_core_v1_LoadBalancerStatus,
	&t_api_core_v1_LocalObjectReference,
	&t_api_core_v1_ModifyVolumeStatus,
	&t_api_core_v1_NFSVolumeSource,
	&t_api_core_v1_Namespace,
	&t_api_core_v1_NamespaceCondition,
	&t_api_core_v1_NamespaceList,
	&t_api_core_v1_NamespaceSpec,
	&t_api_core_v1_NamespaceStatus,
	&t_api_core_v1_Node,
	&t_api_core_v1_NodeAddress,
	&t_api_core_v1_NodeAffinity,
	&t_api_core_v1_NodeCondition,
	&t_api_core_v1_NodeConfigSource,
	&t_api_core_v1_NodeConfigStatus,
	&t_api_core_v1_NodeDaemonEndpoints,
	&t_api_core_v1_NodeFeatures,
	&t_api_core_v1_NodeList,
	&t_api_core_v1_NodeRuntimeHandler,
	&t_api_core_v1_NodeRuntimeHandlerFeatures,
	&t_api_core_v1_NodeSelector,
	&t_api_core_v1_NodeSelectorRequirement,
	&t_api_core_v1_NodeSelectorTerm,
	&t_api_core_v1_NodeSpec,
	&t_api_core_v1_NodeStatus,
	&t_api_core_v1_NodeSwapStatus,
	&t_api_core_v1_NodeSystemInfo,
	&t_api_core_v1_ObjectFieldSelector,
	&t_api_core_v1_ObjectReference,
	&t_api_core_v1_PersistentVolumeClaim,
	&t_api_core_v1_PersistentVolumeClaimCondition,
	&t_api_core_v1_PersistentVolumeClaimSpec,
	&t_api_core_v1_PersistentVolumeClaimStatus,
	&t_api_core_v1_PersistentVolumeClaimTemplate,
	&t_api_core_v1_PersistentVolumeClaimVolumeSource,
	&t_api_core_v1_PhotonPersistentDiskVolumeSource,
	&t_api_core_v1_Pod,
	&t_api_core_v1_PodAffinity,
	&t_api_core_v1_PodAffinityTerm,
	&t_api_core_v1_PodAntiAffinity,
	&t_api_core_v1_PodCondition,
	&t_api_core_v1_PodDNSConfig,
	&t_api_core_v1_PodDNSConfigOption,
	&t_api_core_v1_PodIP,
	&t_api_core_v1_PodList,
	&t_api_core_v1_PodOS,
	&t_api_core_v1_PodReadinessGate,
	&t_api_core_v1_PodResourceClaim,
	&t_api_core_v1_PodResourceClaimStatus,
	&t_api_core_v1_PodSchedulingGate,
	&t_api_core_v1_PodSecurityContext,
	&t_api_core_v1_PodSpec,
	&t_api_core_v1_PodStatus,
	&t_api_core_v1_PodTemplateSpec,
	&t_api_core_v1_PortStatus,
	&t_api_core_v1_PortworxVolumeSource,
	&t_api_core_v1_PreferredSchedulingTerm,
	&t_api_core_v1_Probe,
	&t_api_core_v1_ProbeHandler,
	&t_api_core_v1_ProjectedVolumeSource,
	&t_api_core_v1_QuobyteVolumeSource,
	&t_api_core_v1_RBDVolumeSource,
	&t_api_core_v1_ResourceClaim,
	&t_api_core_v1_ResourceFieldSelector,
	&t_api_core_v1_ResourceHealth,
	&t_api_core_v1_ResourceQuota,
	&t_api_core_v1_ResourceQuotaList,
	&t_api_core_v1_ResourceQuotaSpec,
	&t_api_core_v1_ResourceQuotaStatus,
	&t_api_core_v1_ResourceRequirements,
	&t_api_core_v1_ResourceStatus,
	&t_api_core_v1_SELinuxOptions,
	&t_api_core_v1_ScaleIOVolumeSource,
	&t_api_core_v1_ScopeSelector,
	&t_api_core_v1_ScopedResourceSelectorRequirement,
	&t_api_core_v1_SeccompProfile,
	&t_api_core_v1_Secret,
	&t_api_core_v1_SecretEnvSource,
	&t_api_core_v1_SecretKeySelector,
	&t_api_core_v1_SecretList,
	&t_api_core_v1_SecretProjection,
	&t_api_core_v1_SecretVolumeSource,
	&t_api_core_v1_SecurityContext,
	&t_api_core_v1_Service,
	&t_api_core_v1_ServiceAccount,
	&t_api_core_v1_ServiceAccountList,
	&t_api_core_v1_ServiceAccountTokenProjection,
	&t_api_core_v1_ServiceList,
	&t_api_core_v1_ServicePort,
	&t_api_core_v1_ServiceSpec,
	&t_api_core_v1_ServiceStatus,
	&t_api_core_v1_SessionAffinityConfig,
	&t_api_core_v1_SleepAction,
	&t_api_core_v1_StorageOSVolumeSource,
	&t_api_core_v1_Sysctl,
	&t_api_core_v1_TCPSocketAction,
	&t_api_core_v1_Taint,
	&t_api_core_v1_Toleration,
	&t_api_core_v1_TopologySpreadConstraint,
	&t_api_core_v1_TypedLocalObjectReference,
	&t_api_core_v1_TypedObjectReference,
	&t_api_core_v1_Volume,
	&t_api_core_v1_VolumeDevice,
	&t_api_core_v1_VolumeMount,
	&t_api_core_v1_VolumeMountStatus,
	&t_api_core_v1_VolumeProjection,
	&t_api_core_v1_VolumeResourceRequirements,
	&t_api_core_v1_VolumeSource,
	&t_api_core_v1_VsphereVirtualDiskVolumeSource,
	&t_api_core_v1_WeightedPodAffinityTerm,
	&t_api_core_v1_WindowsSecurityContextOptions,
	&t_api_events_v1_Event,
	&t_api_events_v1_EventList,
	&t_api_events_v1_EventSeries,
	&t_api_networking_v1_HTTPIngressPath,
	&t_api_networking_v1_HTTPIngressRuleValue,
	&t_api_networking_v1_Ingress,
	&t_api_networking_v1_IngressBackend,
	&t_api_networking_v1_IngressList,
	&t_api_networking_v1_IngressLoadBalancerIngress,
	&t_api_networking_v1_IngressLoadBalancerStatus,
	&t_api_networking_v1_IngressPortStatus,
	&t_api_networking_v1_IngressRule,
	&t_api_networking_v1_IngressRuleValue,
	&t_api_networking_v1_IngressServiceBackend,
	&t_api_networking_v1_IngressSpec,
	&t_api_networking_v1_IngressStatus,
	&t_api_networking_v1_IngressTLS,
	&t_api_networking_v1_ServiceBackendPort,
	&t_api_policy_v1_Eviction,
	&t_api_policy_v1_PodDisruptionBudget,
	&t_api_policy_v1_PodDisruptionBudgetList,
	&t_api_policy_v1_PodDisruptionBudgetSpec,
	&t_api_policy_v1_PodDisruptionBudgetStatus,
	&t_api_policy_v1beta1_Eviction,
	&t_api_policy_v1beta1_PodDisruptionBudget,
	&t_api_policy_v1beta1_PodDisruptionBudgetList,
	&t_api_policy_v1beta1_PodDisruptionBudgetSpec,
	&t_api_policy_v1beta1_PodDisruptionBudgetStatus,
	&t_api_rbac_v1_AggregationRule,
	&t_api_rbac_v1_ClusterRole,
	&t_api_rbac_v1_ClusterRoleBinding,
	&t_api_rbac_v1_ClusterRoleBindingList,
	&t_api_rbac_v1_ClusterRoleList,
	&t_api_rbac_v1_PolicyRule,
	&t_api_rbac_v1_Role,
	&t_api_rbac_v1_RoleBinding,
	&t_api_rbac_v1_RoleBindingList,
	&t_api_rbac_v1_RoleList,
	&t_api_rbac_v1_RoleRef,
	&t_api_rbac_v1_Subject,
	&t_api_scheduling_v1_PriorityClass,
	&t_api_scheduling_v1_PriorityClassList,
	&t_apimachinery_pkg_api_resource_Quantity,
	&t_apimachinery_pkg_apis_meta_v1_Condition,
	&t_apimachinery_pkg_apis_meta_v1_DeleteOptions,
	&t_apimachinery_pkg_apis_meta_v1_FieldsV1,
	&t_apimachinery_pkg_apis_meta_v1_LabelSelector,
	&t_apimachinery_pkg_apis_meta_v1_LabelSelectorRequirement,
	&t_apimachinery_pkg_apis_meta_v1_ListMeta,
	&t_apimachinery_pkg_apis_meta_v1_ManagedFieldsEntry,
	&t_apimachinery_pkg_apis_meta_v1_MicroTime,
	&t_apimachinery_pkg_apis_meta_v1_ObjectMeta,
	&t_apimachinery_pkg_apis_meta_v1_OwnerReference,
	&t_apimachinery_pkg_apis_meta_v1_Preconditions,
	&t_apimachinery_pkg_apis_meta_v1_Status,
	&t_apimachinery_pkg_apis_meta_v1_StatusCause,
	&t_apimachinery_pkg_apis_meta_v1_StatusDetails,
	&t_apimachinery_pkg_apis_meta_v1_Table,
	&t_apimachinery_pkg_apis_meta_v1_TableColumnDefinition,
	&t_apimachinery_pkg_apis_meta_v1_TableRow,
	&t_apimachinery_pkg_apis_meta_v1_TableRowCondition,
	&t_apimachinery_pkg_apis_meta_v1_Time,
	&t_apimachinery_pkg_apis_meta_v1_TypeMeta,
	&t_apimachinery_pkg_apis_meta_v1_WatchEvent,
	&t_apimachinery_pkg_runtime_RawExtension,
	&t_apimachinery_pkg_runtime_TypeMeta,
	&t_apimachinery_pkg_runtime_Unknown,
	&t_apimachinery_pkg_util_intstr_IntOrString,
};
const size_t ck_schema_tab_ntypes = 304;

const struct ck_schema_kind ck_schema_tab_kinds[] = {
	{.group = "", .version = "v1", .kind = "Binding", .type = &t_api_core_v1_Binding, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_Binding}},
	{.group = "", .version = "v1", .kind = "ConfigMap", .type = &t_api_core_v1_ConfigMap, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_ConfigMap}},
	{.group = "", .version = "v1", .kind = "ConfigMapList", .type = &t_api_core_v1_ConfigMapList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_ConfigMapList}},
	{.group = "", .version = "v1", .kind = "DeleteOptions", .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions}},
	{.group = "", .version = "v1", .kind = "Endpoints", .type = &t_api_core_v1_Endpoints, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_Endpoints}},
	{.group = "", .version = "v1", .kind = "EndpointsList", .type = &t_api_core_v1_EndpointsList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_EndpointsList}},
	{.group = "", .version = "v1", .kind = "Event", .type = &t_api_core_v1_Event, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_Event}},
	{.group = "", .version = "v1", .kind = "EventList", .type = &t_api_core_v1_EventList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_EventList}},
	{.group = "", .version = "v1", .kind = "Namespace", .type = &t_api_core_v1_Namespace, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_Namespace}},
	{.group = "", .version = "v1", .kind = "NamespaceList", .type = &t_api_core_v1_NamespaceList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_NamespaceList}},
	{.group = "", .version = "v1", .kind = "Node", .type = &t_api_core_v1_Node, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_Node}},
	{.group = "", .version = "v1", .kind = "NodeList", .type = &t_api_core_v1_NodeList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_NodeList}},
	{.group = "", .version = "v1", .kind = "Pod", .type = &t_api_core_v1_Pod, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_Pod}},
	{.group = "", .version = "v1", .kind = "PodList", .type = &t_api_core_v1_PodList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_PodList}},
	{.group = "", .version = "v1", .kind = "ResourceQuota", .type = &t_api_core_v1_ResourceQuota, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_ResourceQuota}},
	{.group = "", .version = "v1", .kind = "ResourceQuotaList", .type = &t_api_core_v1_ResourceQuotaList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_ResourceQuotaList}},
	{.group = "", .version = "v1", .kind = "Secret", .type = &t_api_core_v1_Secret, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_Secret}},
	{.group = "", .version = "v1", .kind = "SecretList", .type = &t_api_core_v1_SecretList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_SecretList}},
	{.group = "", .version = "v1", .kind = "Service", .type = &t_api_core_v1_Service, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_Service}},
	{.group = "", .version = "v1", .kind = "ServiceAccount", .type = &t_api_core_v1_ServiceAccount, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_ServiceAccount}},
	{.group = "", .version = "v1", .kind = "ServiceAccountList", .type = &t_api_core_v1_ServiceAccountList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_ServiceAccountList}},
	{.group = "", .version = "v1", .kind = "ServiceList", .type = &t_api_core_v1_ServiceList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_core_v1_ServiceList}},
	{.group = "", .version = "v1", .kind = "Status", .type = &t_apimachinery_pkg_apis_meta_v1_Status, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_Status}},
	{.group = "", .version = "v1", .kind = "WatchEvent", .type = &t_apimachinery_pkg_apis_meta_v1_WatchEvent, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_WatchEvent}},
	{.group = "apps", .version = "v1", .kind = "DaemonSet", .type = &t_api_apps_v1_DaemonSet, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_apps_v1_DaemonSet}},
	{.group = "apps", .version = "v1", .kind = "DaemonSetList", .type = &t_api_apps_v1_DaemonSetList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_apps_v1_DaemonSetList}},
	{.group = "apps", .version = "v1", .kind = "DeleteOptions", .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions}},
	{.group = "apps", .version = "v1", .kind = "Deployment", .type = &t_api_apps_v1_Deployment, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_apps_v1_Deployment}},
	{.group = "apps", .version = "v1", .kind = "DeploymentList", .type = &t_api_apps_v1_DeploymentList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_apps_v1_DeploymentList}},
	{.group = "apps", .version = "v1", .kind = "ReplicaSet", .type = &t_api_apps_v1_ReplicaSet, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_apps_v1_ReplicaSet}},
	{.group = "apps", .version = "v1", .kind = "ReplicaSetList", .type = &t_api_apps_v1_ReplicaSetList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_apps_v1_ReplicaSetList}},
	{.group = "apps", .version = "v1", .kind = "StatefulSet", .type = &t_api_apps_v1_StatefulSet, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_apps_v1_StatefulSet}},
	{.group = "apps", .version = "v1", .kind = "StatefulSetList", .type = &t_api_apps_v1_StatefulSetList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_apps_v1_StatefulSetList}},
	{.group = "apps", .version = "v1", .kind = "WatchEvent", .type = &t_apimachinery_pkg_apis_meta_v1_WatchEvent, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_WatchEvent}},
	{.group = "authentication.k8s.io", .version = "v1", .kind = "DeleteOptions", .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions}},
	{.group = "authentication.k8s.io", .version = "v1", .kind = "TokenRequest", .type = &t_api_authentication_v1_TokenRequest, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_authentication_v1_TokenRequest}},
	{.group = "authentication.k8s.io", .version = "v1", .kind = "WatchEvent", .type = &t_apimachinery_pkg_apis_meta_v1_WatchEvent, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_WatchEvent}},
	{.group = "autoscaling", .version = "v1", .kind = "DeleteOptions", .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions}},
	{.group = "autoscaling", .version = "v1", .kind = "Scale", .type = &t_api_autoscaling_v1_Scale, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_autoscaling_v1_Scale}},
	{.group = "autoscaling", .version = "v1", .kind = "WatchEvent", .type = &t_apimachinery_pkg_apis_meta_v1_WatchEvent, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_WatchEvent}},
	{.group = "batch", .version = "v1", .kind = "CronJob", .type = &t_api_batch_v1_CronJob, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_batch_v1_CronJob}},
	{.group = "batch", .version = "v1", .kind = "CronJobList", .type = &t_api_batch_v1_CronJobList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_batch_v1_CronJobList}},
	{.group = "batch", .version = "v1", .kind = "DeleteOptions", .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions}},
	{.group = "batch", .version = "v1", .kind = "Job", .type = &t_api_batch_v1_Job, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_batch_v1_Job}},
	{.group = "batch", .version = "v1", .kind = "JobList", .type = &t_api_batch_v1_JobList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_batch_v1_JobList}},
	{.group = "batch", .version = "v1", .kind = "WatchEvent", .type = &t_apimachinery_pkg_apis_meta_v1_WatchEvent, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_WatchEvent}},
	{.group = "coordination.k8s.io", .version = "v1", .kind = "DeleteOptions", .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions}},
	{.group = "coordination.k8s.io", .version = "v1", .kind = "Lease", .type = &t_api_coordination_v1_Lease, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_coordination_v1_Lease}},
	{.group = "coordination.k8s.io", .version = "v1", .kind = "LeaseList", .type = &t_api_coordination_v1_LeaseList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_coordination_v1_LeaseList}},
	{.group = "coordination.k8s.io", .version = "v1", .kind = "WatchEvent", .type = &t_apimachinery_pkg_apis_meta_v1_WatchEvent, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_WatchEvent}},
	{.group = "events.k8s.io", .version = "v1", .kind = "DeleteOptions", .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions}},
	{.group = "events.k8s.io", .version = "v1", .kind = "Event", .type = &t_api_events_v1_Event, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_events_v1_Event}},
	{.group = "events.k8s.io", .version = "v1", .kind = "EventList", .type = &t_api_events_v1_EventList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_events_v1_EventList}},
	{.group = "events.k8s.io", .version = "v1", .kind = "WatchEvent", .type = &t_apimachinery_pkg_apis_meta_v1_WatchEvent, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_WatchEvent}},
	{.group = "meta.k8s.io", .version = "v1", .kind = "DeleteOptions", .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions}},
	{.group = "meta.k8s.io", .version = "v1", .kind = "Table", .type = &t_apimachinery_pkg_apis_meta_v1_Table, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_Table}},
	{.group = "meta.k8s.io", .version = "v1", .kind = "WatchEvent", .type = &t_apimachinery_pkg_apis_meta_v1_WatchEvent, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_WatchEvent}},
	{.group = "networking.k8s.io", .version = "v1", .kind = "DeleteOptions", .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions}},
	{.group = "networking.k8s.io", .version = "v1", .kind = "Ingress", .type = &t_api_networking_v1_Ingress, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_networking_v1_Ingress}},
	{.group = "networking.k8s.io", .version = "v1", .kind = "IngressList", .type = &t_api_networking_v1_IngressList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_networking_v1_IngressList}},
	{.group = "networking.k8s.io", .version = "v1", .kind = "WatchEvent", .type = &t_apimachinery_pkg_apis_meta_v1_WatchEvent, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_WatchEvent}},
	{.group = "policy", .version = "v1", .kind = "DeleteOptions", .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions}},
	{.group = "policy", .version = "v1", .kind = "Eviction", .type = &t_api_policy_v1_Eviction, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_policy_v1_Eviction}},
	{.group = "policy", .version = "v1", .kind = "PodDisruptionBudget", .type = &t_api_policy_v1_PodDisruptionBudget, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_policy_v1_PodDisruptionBudget}},
	{.group = "policy", .version = "v1", .kind = "PodDisruptionBudgetList", .type = &t_api_policy_v1_PodDisruptionBudgetList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_policy_v1_PodDisruptionBudgetList}},
	{.group = "policy", .version = "v1", .kind = "WatchEvent", .type = &t_apimachinery_pkg_apis_meta_v1_WatchEvent, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_WatchEvent}},
	{.group = "policy", .version = "v1beta1", .kind = "DeleteOptions", .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions}},
	{.group = "policy", .version = "v1beta1", .kind = "Eviction", .type = &t_api_policy_v1beta1_Eviction, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_policy_v1beta1_Eviction}},
	{.group = "policy", .version = "v1beta1", .kind = "PodDisruptionBudget", .type = &t_api_policy_v1beta1_PodDisruptionBudget, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_policy_v1beta1_PodDisruptionBudget}},
	{.group = "policy", .version = "v1beta1", .kind = "PodDisruptionBudgetList", .type = &t_api_policy_v1beta1_PodDisruptionBudgetList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_policy_v1beta1_PodDisruptionBudgetList}},
	{.group = "policy", .version = "v1beta1", .kind = "WatchEvent", .type = &t_apimachinery_pkg_apis_meta_v1_WatchEvent, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_WatchEvent}},
	{.group = "rbac.authorization.k8s.io", .version = "v1", .kind = "ClusterRole", .type = &t_api_rbac_v1_ClusterRole, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_rbac_v1_ClusterRole}},
	{.group = "rbac.authorization.k8s.io", .version = "v1", .kind = "ClusterRoleBinding", .type = &t_api_rbac_v1_ClusterRoleBinding, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_rbac_v1_ClusterRoleBinding}},
	{.group = "rbac.authorization.k8s.io", .version = "v1", .kind = "ClusterRoleBindingList", .type = &t_api_rbac_v1_ClusterRoleBindingList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_rbac_v1_ClusterRoleBindingList}},
	{.group = "rbac.authorization.k8s.io", .version = "v1", .kind = "ClusterRoleList", .type = &t_api_rbac_v1_ClusterRoleList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_rbac_v1_ClusterRoleList}},
	{.group = "rbac.authorization.k8s.io", .version = "v1", .kind = "DeleteOptions", .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions}},
	{.group = "rbac.authorization.k8s.io", .version = "v1", .kind = "Role", .type = &t_api_rbac_v1_Role, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_rbac_v1_Role}},
	{.group = "rbac.authorization.k8s.io", .version = "v1", .kind = "RoleBinding", .type = &t_api_rbac_v1_RoleBinding, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_rbac_v1_RoleBinding}},
	{.group = "rbac.authorization.k8s.io", .version = "v1", .kind = "RoleBindingList", .type = &t_api_rbac_v1_RoleBindingList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_rbac_v1_RoleBindingList}},
	{.group = "rbac.authorization.k8s.io", .version = "v1", .kind = "RoleList", .type = &t_api_rbac_v1_RoleList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_rbac_v1_RoleList}},
	{.group = "rbac.authorization.k8s.io", .version = "v1", .kind = "WatchEvent", .type = &t_apimachinery_pkg_apis_meta_v1_WatchEvent, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_WatchEvent}},
	{.group = "scheduling.k8s.io", .version = "v1", .kind = "DeleteOptions", .type = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_DeleteOptions}},
	{.group = "scheduling.k8s.io", .version = "v1", .kind = "PriorityClass", .type = &t_api_scheduling_v1_PriorityClass, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_scheduling_v1_PriorityClass}},
	{.group = "scheduling.k8s.io", .version = "v1", .kind = "PriorityClassList", .type = &t_api_scheduling_v1_PriorityClassList, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_api_scheduling_v1_PriorityClassList}},
	{.group = "scheduling.k8s.io", .version = "v1", .kind = "WatchEvent", .type = &t_apimachinery_pkg_apis_meta_v1_WatchEvent, .patch = {.lookup = ck_schema_patch_lookup, .ctx = &t_apimachinery_pkg_apis_meta_v1_WatchEvent}},
};
const size_t ck_schema_tab_nkinds = 85;

const char ck_schema_tab_upstream[] = "k8s.io/api v0.33.13 (63b731b23fe7df9be903976bee691952387abe01), k8s.io/apimachinery v0.33.13 (f091036ab312113e3040ead42ac0110cd22954b8)";
/* clang-format on */
