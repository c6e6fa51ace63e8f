namespace Containers.Compose
{
    /// <summary>
    /// The keys the Compose Specification allows (its schema, compose-spec.json), for the unknown-key errors. Keys the
    /// typed model leaves out are still valid: the reader accepts them and passes them over.
    /// </summary>
    internal static class ComposeKeys
    {
        public static readonly IReadOnlyCollection<string> TopLevel = new HashSet<string>(StringComparer.Ordinal)
        {
            "version", "name", "services", "networks", "volumes", "secrets", "configs",
        };

        /// <summary>Top-level keys of the specification this reader does not implement: refused with that said.</summary>
        public static readonly IReadOnlyCollection<string> TopLevelNotSupported = new HashSet<string>(StringComparer.Ordinal) { "include", "models" };

        public static readonly IReadOnlyCollection<string> Service = new HashSet<string>(StringComparer.Ordinal)
        {
            "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command", "configs",
            "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpu_shares",
            "cpus", "cpuset", "credential_spec", "depends_on", "deploy", "develop", "device_cgroup_rules", "devices", "dns", "dns_opt",
            "dns_search", "domainname", "entrypoint", "env_file", "environment", "expose", "extends", "external_links", "extra_hosts",
            "gpus", "group_add", "healthcheck", "hostname", "image", "init", "ipc", "isolation", "label_file", "labels", "links",
            "logging", "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "models", "network_mode",
            "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start", "pre_stop",
            "privileged", "profiles", "provider", "pull_policy", "pull_refresh_after", "read_only", "restart", "runtime", "scale",
            "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs",
            "tty", "ulimits", "use_api_socket", "user", "userns_mode", "uts", "volumes", "volumes_from", "working_dir",
        };

        public static readonly IReadOnlyCollection<string> Build = new HashSet<string>(StringComparer.Ordinal)
        {
            "additional_contexts", "args", "cache_from", "cache_to", "context", "dockerfile", "dockerfile_inline", "entitlements",
            "extra_hosts", "isolation", "labels", "network", "no_cache", "platforms", "privileged", "provenance", "pull", "sbom",
            "secrets", "shm_size", "ssh", "tags", "target", "ulimits",
        };

        public static readonly IReadOnlyCollection<string> Deploy = new HashSet<string>(StringComparer.Ordinal)
        {
            "endpoint_mode", "labels", "mode", "placement", "replicas", "resources", "restart_policy", "rollback_config", "update_config",
        };

        public static readonly IReadOnlyCollection<string> Network = new HashSet<string>(StringComparer.Ordinal)
        {
            "attachable", "driver", "driver_opts", "enable_ipv4", "enable_ipv6", "external", "internal", "ipam", "labels", "name",
        };

        public static readonly IReadOnlyCollection<string> Volume = new HashSet<string>(StringComparer.Ordinal)
        {
            "driver", "driver_opts", "external", "labels", "name",
        };

        public static readonly IReadOnlyCollection<string> Secret = new HashSet<string>(StringComparer.Ordinal)
        {
            "driver", "driver_opts", "environment", "external", "file", "labels", "name", "template_driver",
        };

        public static readonly IReadOnlyCollection<string> Config = new HashSet<string>(StringComparer.Ordinal)
        {
            "content", "environment", "external", "file", "labels", "name", "template_driver",
        };
    }
}
