using Containers.Errors;
using Containers.Parsing;

namespace Containers.Compose
{
    /// <summary>
    /// Reads each file once (main files and the files extends names): YAML, then interpolation with the project's
    /// variables, then the top-level keys checked, then the paths that are relative to the file itself made absolute:
    /// env_file always; for a file read for extends also build contexts and bind sources, which in a main file are
    /// relative to the project directory instead.
    /// </summary>
    internal sealed class ComposeFileLoader
    {
        private readonly VariableInterpolator interpolator;
        private readonly Dictionary<string, ComposeMapping> loaded = new Dictionary<string, ComposeMapping>(StringComparer.Ordinal);

        public ComposeFileLoader(VariableInterpolator interpolator)
        {
            this.interpolator = interpolator;
        }

        /// <param name="file">A full path.</param>
        /// <param name="isMain">False for a file only extends names.</param>
        public ComposeMapping Load(string file, bool isMain)
        {
            if (loaded.TryGetValue(file, out ComposeMapping? root))
            {
                return root;
            }

            root = ComposeYamlLoader.Load(file);
            interpolator.Apply(root);
            foreach (KeyValuePair<string, ComposeNode> entry in root.Entries)
            {
                if (ComposeKeys.TopLevelNotSupported.Contains(entry.Key))
                {
                    throw entry.Value.KeyError($"'{entry.Key}' is part of the Compose Specification but this reader does not support it; merge the files with several -Path values instead");
                }
            }

            ComposeValues.CheckKeys(root, ComposeKeys.TopLevel, "top-level");
            string directory = Path.GetDirectoryName(file)!;
            foreach (KeyValuePair<string, ComposeNode> service in ComposeValues.Mapping(root.Get("services"))?.Entries ?? new List<KeyValuePair<string, ComposeNode>>())
            {
                if (!(service.Value is ComposeMapping mapping))
                {
                    throw service.Value.Error($"the service '{service.Key}' must be a mapping, not {service.Value.Kind}");
                }

                AnchorEnvFiles(mapping.Get("env_file"), directory);
                if (!isMain)
                {
                    AnchorBuild(mapping, directory);
                    AnchorVolumes(mapping.Get("volumes"), directory);
                }
            }

            loaded[file] = root;
            return root;
        }

        private static void AnchorEnvFiles(ComposeNode? node, string directory)
        {
            switch (node)
            {
                case ComposeScalar { Value: { } path } scalar:
                    scalar.Value = MountSyntax.HostPath(path, directory);
                    break;
                case ComposeSequence sequence:
                    foreach (ComposeNode item in sequence.Items)
                    {
                        AnchorEnvFiles(item is ComposeMapping entry ? entry.Get("path") : item, directory);
                    }

                    break;
            }
        }

        private static void AnchorBuild(ComposeMapping service, string directory)
        {
            ComposeNode? build = service.Get("build");
            ComposeScalar? context = build as ComposeScalar ?? (build as ComposeMapping)?.Get("context") as ComposeScalar;
            if (context?.Value != null && !context.Value.Contains("://") && !context.Value.StartsWith("git@", StringComparison.Ordinal))
            {
                context.Value = MountSyntax.HostPath(context.Value, directory);
            }
            else if (build is ComposeMapping mapping && context == null)
            {
                mapping.Set("context", new ComposeScalar(mapping.Mark, ComposeNode.ChildPath(mapping.Path, "context"), null, directory));
            }
        }

        private static void AnchorVolumes(ComposeNode? node, string directory)
        {
            foreach (ComposeNode item in (node as ComposeSequence)?.Items ?? new List<ComposeNode>())
            {
                if (item is ComposeScalar { Value: { } text } scalar && (text.StartsWith(".", StringComparison.Ordinal) || text.StartsWith("~", StringComparison.Ordinal)))
                {
                    try
                    {
                        scalar.Value = VolumeSpecParser.Parse(text, path => MountSyntax.HostPath(path, directory)).ToBind();
                    }
                    catch (InvalidParameterException e)
                    {
                        throw item.Error(e.Reason);
                    }
                }
                else if (item is ComposeMapping mapping && ComposeValues.Text(mapping.Get("type")) == "bind" && mapping.Get("source") is ComposeScalar { Value: { } source } sourceNode)
                {
                    sourceNode.Value = MountSyntax.HostPath(source, directory);
                }
            }
        }
    }
}
