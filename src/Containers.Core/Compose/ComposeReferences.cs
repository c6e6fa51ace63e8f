namespace Containers.Compose
{
    /// <summary>
    /// The checks across a project: what a service names (depends_on, networks, named volumes, secrets, configs) must
    /// be declared, and a dependency must be enabled by the active profiles too. Each error points at the name as the
    /// file wrote it.
    /// </summary>
    internal static class ComposeReferences
    {
        public static void Check(
            ComposeService service,
            ComposeMapping node,
            IReadOnlyDictionary<string, ComposeService> all,
            ISet<string> enabled,
            IReadOnlyDictionary<string, ComposeNetwork> networks,
            IReadOnlyDictionary<string, ComposeVolume> volumes,
            IReadOnlyDictionary<string, ComposeFileObject> secrets,
            IReadOnlyDictionary<string, ComposeFileObject> configs)
        {
            foreach (KeyValuePair<string, ComposeDependency> dependency in service.DependsOn)
            {
                if (!all.TryGetValue(dependency.Key, out ComposeService? other))
                {
                    throw Where(node, "depends_on", dependency.Key).Error($"the service '{service.Name}' depends on '{dependency.Key}', which the files do not declare; the services are {string.Join(", ", all.Keys)}");
                }

                if (!enabled.Contains(dependency.Key) && dependency.Value.Required)
                {
                    throw Where(node, "depends_on", dependency.Key).Error(
                        $"the service '{service.Name}' depends on '{dependency.Key}', which only the profile(s) {string.Join(", ", other.Profiles)} enable; activate one of them");
                }
            }

            foreach (string network in service.Networks.Keys.Where(network => !networks.ContainsKey(network) && network != "default"))
            {
                throw Where(node, "networks", network).Error($"the service '{service.Name}' uses the network '{network}', which the top-level networks do not declare");
            }

            for (int i = 0; i < service.Volumes.Count; i++)
            {
                ComposeMount mount = service.Volumes[i];
                if (mount.Type == "volume" && mount.Source != null && !volumes.ContainsKey(mount.Source))
                {
                    throw ((node.Get("volumes") as ComposeSequence)?.Items.ElementAtOrDefault(i) ?? node).Error(
                        $"the service '{service.Name}' mounts the volume '{mount.Source}', which the top-level volumes do not declare (a host path starts with '/', './' or '~')");
                }
            }

            CheckFiles(service, node, "secrets", service.Secrets, secrets);
            CheckFiles(service, node, "configs", service.Configs, configs);
        }

        private static void CheckFiles(ComposeService service, ComposeMapping node, string key, IReadOnlyList<ComposeFileReference> used, IReadOnlyDictionary<string, ComposeFileObject> declared)
        {
            for (int i = 0; i < used.Count; i++)
            {
                if (!declared.ContainsKey(used[i].Source))
                {
                    throw ((node.Get(key) as ComposeSequence)?.Items.ElementAtOrDefault(i) ?? node).Error(
                        $"the service '{service.Name}' uses the {key.TrimEnd('s')} '{used[i].Source}', which the top-level {key} do not declare");
                }
            }
        }

        // The entry naming NAME under KEY, in its list or map form.
        private static ComposeNode Where(ComposeMapping service, string key, string name)
        {
            switch (service.Get(key))
            {
                case ComposeSequence sequence:
                    return sequence.Items.FirstOrDefault(item => item is ComposeScalar scalar && scalar.Value == name) ?? sequence;
                case ComposeMapping mapping:
                    ComposeNode? entry = mapping.Get(name);
                    return entry == null ? mapping : new ComposeScalar(entry.KeyMark ?? entry.Mark, entry.Path, null, name);
                default:
                    return service;
            }
        }
    }
}
