namespace Containers.Compose
{
    /// <summary>A service's <c>deploy</c> mapping as a <see cref="ComposeDeploy"/>.</summary>
    internal static class ComposeDeployReader
    {
        private static readonly string[] ResourceKeys = { "cpus", "memory", "pids", "devices", "generic_resources" };

        private static readonly string[] UpdateKeys = { "parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order" };

        public static ComposeDeploy? Read(ComposeNode? node)
        {
            ComposeMapping? deploy = ComposeValues.Mapping(node, ComposeKeys.Deploy, "deploy");
            if (deploy == null)
            {
                return null;
            }

            ComposeNode? modeNode = deploy.Get("mode");
            string? mode = ComposeValues.Text(modeNode);
            if (mode != null && mode != "replicated" && mode != "global" && mode != "replicated-job" && mode != "global-job")
            {
                throw modeNode!.Error($"'{mode}' is not a deploy mode; use replicated or global (or replicated-job, global-job)");
            }

            ComposeMapping? resources = ComposeValues.Mapping(deploy.Get("resources"));
            ComposeMapping? placement = ComposeValues.Mapping(deploy.Get("placement"));
            ComposeMapping? restart = ComposeValues.Mapping(deploy.Get("restart_policy"));
            return new ComposeDeploy
            {
                Mode = mode,
                Replicas = NotNegative(deploy.Get("replicas")),
                Limits = Resources(resources?.Get("limits")),
                Reservations = Resources(resources?.Get("reservations")),
                RestartPolicy = restart == null ? null : new ComposeRestartPolicy
                {
                    Condition = ComposeValues.Text(restart.Get("condition")),
                    Delay = ComposeValues.Text(restart.Get("delay")),
                    MaxAttempts = NotNegative(restart.Get("max_attempts")),
                    Window = ComposeValues.Text(restart.Get("window")),
                },
                PlacementConstraints = ComposeValues.TextList(placement?.Get("constraints")),
                PlacementPreferences = (ComposeValues.Sequence(placement?.Get("preferences"))?.Items ?? new List<ComposeNode>())
                    .Select(item => ComposeValues.RequiredText(ComposeValues.Mapping(item)?.Get("spread") ?? throw item.Error("a placement preference needs 'spread'")))
                    .ToList(),
                MaxReplicasPerNode = NotNegative(placement?.Get("max_replicas_per_node")),
                UpdateConfig = Update(deploy.Get("update_config")),
                RollbackConfig = Update(deploy.Get("rollback_config")),
                EndpointMode = ComposeValues.Text(deploy.Get("endpoint_mode")),
                Labels = ComposeValues.Labels(deploy.Get("labels")),
            };
        }

        private static ComposeResources? Resources(ComposeNode? node)
        {
            ComposeMapping? mapping = ComposeValues.Mapping(node, ResourceKeys, "resources");
            if (mapping == null)
            {
                return null;
            }

            ComposeNode? cpusNode = mapping.Get("cpus");
            double? cpus = ComposeValues.Number(cpusNode);
            if (cpus < 0)
            {
                throw cpusNode!.Error("a number of CPUs cannot be negative");
            }

            int? pids = ComposeValues.Integer(mapping.Get("pids"));
            return new ComposeResources { Cpus = cpus, MemoryBytes = ComposeSizes.Bytes(mapping.Get("memory")), Pids = pids };
        }

        private static ComposeUpdateConfig? Update(ComposeNode? node)
        {
            ComposeMapping? mapping = ComposeValues.Mapping(node, UpdateKeys, "update_config");
            if (mapping == null)
            {
                return null;
            }

            return new ComposeUpdateConfig
            {
                Parallelism = NotNegative(mapping.Get("parallelism")),
                Delay = ComposeValues.Text(mapping.Get("delay")),
                FailureAction = ComposeValues.Text(mapping.Get("failure_action")),
                Monitor = ComposeValues.Text(mapping.Get("monitor")),
                MaxFailureRatio = ComposeValues.Number(mapping.Get("max_failure_ratio")),
                Order = ComposeValues.Text(mapping.Get("order")),
            };
        }

        private static int? NotNegative(ComposeNode? node)
        {
            int? value = ComposeValues.Integer(node);
            return value < 0 ? throw node!.Error($"cannot be negative ({value})") : value;
        }
    }
}
