namespace Containers.Compose
{
    /// <summary>
    /// The top-level networks, volumes, secrets and configs. Each gets the engine name compose gives it: <c>name:</c>
    /// when set, the key itself when external, else PROJECT_KEY.
    /// </summary>
    internal static class ComposeTopLevelReader
    {
        public static Dictionary<string, ComposeNetwork> Networks(ComposeNode? node, string project) =>
            Each(node, "network", ComposeKeys.Network, project, (mapping, name, external) =>
            {
                ComposeMapping? ipam = ComposeValues.Mapping(mapping?.Get("ipam"));
                return new ComposeNetwork
                {
                    Name = name,
                    External = external,
                    Driver = ComposeValues.Text(mapping?.Get("driver")),
                    DriverOptions = ComposeValues.Labels(mapping?.Get("driver_opts")),
                    Internal = ComposeValues.Boolean(mapping?.Get("internal")) ?? false,
                    Attachable = ComposeValues.Boolean(mapping?.Get("attachable")) ?? false,
                    Subnets = (ComposeValues.Sequence(ipam?.Get("config"))?.Items ?? new List<ComposeNode>())
                        .Select(item => ComposeValues.Text(ComposeValues.Mapping(item)?.Get("subnet")))
                        .Where(subnet => subnet != null)
                        .Select(subnet => subnet!)
                        .ToList(),
                    Labels = ComposeValues.Labels(mapping?.Get("labels")),
                };
            });

        public static Dictionary<string, ComposeVolume> Volumes(ComposeNode? node, string project) =>
            Each(node, "volume", ComposeKeys.Volume, project, (mapping, name, external) => new ComposeVolume
            {
                Name = name,
                External = external,
                Driver = ComposeValues.Text(mapping?.Get("driver")),
                DriverOptions = ComposeValues.Labels(mapping?.Get("driver_opts")),
                Labels = ComposeValues.Labels(mapping?.Get("labels")),
            });

        public static Dictionary<string, ComposeFileObject> Files(ComposeNode? node, string what, IReadOnlyCollection<string> keys, string project, string projectDirectory) =>
            Each(node, what, keys, project, (mapping, name, external) =>
            {
                string? file = ComposeValues.Text(mapping?.Get("file"));
                var result = new ComposeFileObject
                {
                    Name = name,
                    External = external,
                    File = file == null ? null : MountSyntax.HostPath(file, projectDirectory),
                    Environment = ComposeValues.Text(mapping?.Get("environment")),
                    Content = ComposeValues.Text(mapping?.Get("content")),
                    Labels = ComposeValues.Labels(mapping?.Get("labels")),
                };
                if (!external && result.File == null && result.Environment == null && result.Content == null)
                {
                    throw (mapping ?? node!).Error($"a {what} needs 'file', 'environment'{(what == "config" ? ", 'content'" : string.Empty)} or 'external: true'");
                }

                return result;
            });

        private static Dictionary<string, T> Each<T>(ComposeNode? node, string what, IReadOnlyCollection<string> keys, string project, Func<ComposeMapping?, string, bool, T> make)
        {
            var result = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, ComposeNode> entry in ComposeValues.Mapping(node)?.Entries ?? new List<KeyValuePair<string, ComposeNode>>())
            {
                ComposeMapping? mapping = ComposeValues.Mapping(entry.Value, keys, what);
                ComposeNode? externalNode = mapping?.Get("external");
                // The old form external: { name: x } is still met in files docker stack reads.
                ComposeMapping? externalMapping = externalNode as ComposeMapping;
                bool external = externalMapping != null || (ComposeValues.Boolean(externalNode) ?? false);
                string? name = ComposeValues.Text(externalMapping?.Get("name")) ?? ComposeValues.Text(mapping?.Get("name"));
                result[entry.Key] = make(mapping, name ?? (external ? entry.Key : project + "_" + entry.Key), external);
            }

            return result;
        }
    }
}
