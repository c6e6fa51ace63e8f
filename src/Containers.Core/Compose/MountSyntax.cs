using Containers.Errors;
using Containers.Parsing;

namespace Containers.Compose
{
    /// <summary>
    /// A service's volumes: the short syntax is docker -v's (<c>"/cache"</c>, <c>"data:/data"</c>, <c>"./src:/src:ro"</c>),
    /// read by the module's one volume parser; the long syntax is a mapping (type, source, target, read_only, bind,
    /// volume, tmpfs). A relative or <c>~</c> host path is resolved against the project directory.
    /// </summary>
    internal static class MountSyntax
    {
        private static readonly string[] LongKeys = { "type", "source", "target", "read_only", "bind", "volume", "tmpfs", "consistency", "image" };

        private static readonly string[] Types = { "volume", "bind", "tmpfs", "npipe", "cluster", "image" };

        public static ComposeMount Read(ComposeNode item, string projectDirectory)
        {
            if (item is ComposeMapping mapping)
            {
                return ReadLong(mapping, projectDirectory);
            }

            string text = ComposeValues.RequiredText(item);
            VolumeSpec spec;
            try
            {
                spec = VolumeSpecParser.Parse(text, path => HostPath(path, projectDirectory));
            }
            catch (InvalidParameterException e)
            {
                throw item.Error(e.Reason);
            }

            List<string> options = spec.Mode == null ? new List<string>() : spec.Mode.Split(',').ToList();
            bool isBind = spec.Source != null && IsHostPath(spec.Source);
            return new ComposeMount
            {
                Type = isBind ? "bind" : "volume",
                Source = spec.Source,
                Target = spec.Target,
                ReadOnly = options.Contains("ro"),
                Options = options.Where(option => option != "ro" && option != "rw").ToList(),
                VolumeNoCopy = !isBind && options.Contains("nocopy") ? true : null,
            };
        }

        /// <summary>A host path as compose resolves it: <c>~</c> is the user's home, a relative path is under the project directory.</summary>
        public static string HostPath(string path, string projectDirectory)
        {
            if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
            {
                path = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path.Substring(1);
            }

            return Path.GetFullPath(Path.Combine(projectDirectory, path));
        }

        private static bool IsHostPath(string source) =>
            source.StartsWith("/", StringComparison.Ordinal) || source.StartsWith("\\", StringComparison.Ordinal) || (source.Length > 1 && source[1] == ':');

        private static ComposeMount ReadLong(ComposeMapping mapping, string projectDirectory)
        {
            ComposeValues.CheckKeys(mapping, LongKeys, "volume mount");
            string type = ComposeValues.Text(mapping.Get("type")) ?? "volume";
            if (!Types.Contains(type))
            {
                throw mapping.Get("type")!.Error($"'{type}' is not a mount type; use {string.Join(", ", Types)}");
            }

            ComposeNode targetNode = mapping.Get("target") ?? throw mapping.Error("a volume in the long syntax needs 'target', the path in the container");
            string target = ComposeValues.RequiredText(targetNode);
            string? source = ComposeValues.Text(mapping.Get("source"));
            if (type == "bind")
            {
                source = source == null ? throw mapping.Error("a bind mount needs 'source', the host path") : HostPath(source, projectDirectory);
            }

            ComposeMapping? bind = ComposeValues.Mapping(mapping.Get("bind"));
            ComposeMapping? volume = ComposeValues.Mapping(mapping.Get("volume"));
            ComposeMapping? tmpfs = ComposeValues.Mapping(mapping.Get("tmpfs"));
            ComposeNode? size = tmpfs?.Get("size");
            return new ComposeMount
            {
                Type = type,
                Source = source,
                Target = target,
                ReadOnly = ComposeValues.Boolean(mapping.Get("read_only")) ?? false,
                BindPropagation = ComposeValues.Text(bind?.Get("propagation")),
                BindCreateHostPath = ComposeValues.Boolean(bind?.Get("create_host_path")),
                VolumeNoCopy = ComposeValues.Boolean(volume?.Get("nocopy")),
                TmpfsSize = size == null ? null : ComposeSizes.Bytes(size),
            };
        }
    }
}
