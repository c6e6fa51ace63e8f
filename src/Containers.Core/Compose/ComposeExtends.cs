namespace Containers.Compose
{
    /// <summary>
    /// Resolves <c>extends</c>: a service starts from another (in the same files, or <c>file:</c> relative to the file
    /// that says so) and the spec's merge rules put its own settings on top. The base may extend another in turn; a
    /// service reached again on the way is a cycle, refused with the chain named.
    /// </summary>
    internal sealed class ComposeExtends
    {
        private readonly ComposeFileLoader loader;
        private readonly ComposeMapping mainServices;
        private readonly Dictionary<string, ComposeMapping> resolved = new Dictionary<string, ComposeMapping>(StringComparer.Ordinal);

        public ComposeExtends(ComposeFileLoader loader, ComposeMapping mainServices)
        {
            this.loader = loader;
            this.mainServices = mainServices;
        }

        /// <summary>The main files' services with every extends resolved, in their order.</summary>
        public ComposeMapping ResolveAll()
        {
            var entries = mainServices.Entries
                .Select(entry => new KeyValuePair<string, ComposeNode>(entry.Key, Resolve(null, mainServices, entry.Key, new List<string>(), entry.Value)))
                .ToList();
            return new ComposeMapping(mainServices.Mark, mainServices.Path, null, entries) { KeyMark = mainServices.KeyMark };
        }

        // file: null for the main files' services.
        private ComposeMapping Resolve(string? file, ComposeMapping services, string name, List<string> chain, ComposeNode where)
        {
            string id = (file ?? "(main)") + "#" + name;
            if (resolved.TryGetValue(id, out ComposeMapping? done))
            {
                return done;
            }

            string shown = file == null ? name : name + " (" + file + ")";
            if (chain.Contains(shown))
            {
                throw where.Error("extends makes a cycle: " + string.Join(" -> ", chain) + " -> " + shown);
            }

            ComposeNode? node = services.Get(name);
            if (node == null)
            {
                throw where.Error($"extends names the service '{name}', which {(file == null ? "the files do not declare" : "'" + file + "' does not declare")}");
            }

            if (!(node is ComposeMapping service))
            {
                throw node.Error($"the service '{name}' must be a mapping, not {node.Kind}");
            }

            ComposeNode? extends = service.Get("extends");
            if (extends == null)
            {
                resolved[id] = service;
                return service;
            }

            string? baseFile = file;
            ComposeMapping baseServices = services;
            string baseName;
            if (extends is ComposeMapping settings)
            {
                ComposeValues.CheckKeys(settings, new[] { "service", "file" }, "extends");
                baseName = ComposeValues.RequiredText(settings.Get("service") ?? throw extends.Error("extends needs 'service', the service to start from"));
                string? path = ComposeValues.Text(settings.Get("file"));
                if (path != null)
                {
                    baseFile = MountSyntax.HostPath(path, Path.GetDirectoryName(extends.Mark.File)!);
                    if (!File.Exists(baseFile))
                    {
                        throw settings.Get("file")!.Error($"the file '{baseFile}' does not exist");
                    }

                    baseServices = ComposeValues.Mapping(loader.Load(baseFile, isMain: false).Get("services")) ?? throw settings.Get("file")!.Error($"'{baseFile}' declares no services");
                }
            }
            else
            {
                baseName = ComposeValues.RequiredText(extends);
            }

            var longer = new List<string>(chain) { shown };
            ComposeMapping baseService = Resolve(baseFile, baseServices, baseName, longer, extends);
            ComposeMapping own = service.ShallowCopy();
            own.Remove("extends");
            ComposeMapping result = ComposeMerger.MergeService(baseService, own);
            resolved[id] = result;
            return result;
        }
    }
}
