using System.Collections;

namespace Containers.Compose
{
    /// <summary>The one reader of compose files (the Compose Specification), for stacks and compose projects alike.</summary>
    public static class ComposeReader
    {
        private static readonly string[] DefaultFiles = { "compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml" };

        /// <summary>
        /// Reads compose files into one checked <see cref="ComposeProject"/>, or throws one <see cref="ComposeFileException"/>
        /// naming the file, line, column and key of the first problem; nothing is returned half-read.
        /// </summary>
        /// <remarks>
        /// The steps, in compose's order: each file is parsed (YAML with anchors and merge keys) and its values
        /// interpolated (<c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR:?message}</c>, <c>$$</c>...) from
        /// <see cref="ComposeReadOptions.Environment"/> overlaid on the project directory's <c>.env</c>; the files are
        /// merged in order by the specification's merge rules; <c>extends</c> is resolved; then every service is typed
        /// (<see cref="ComposeService"/>: short syntaxes expanded to <see cref="ComposePort"/>, <see cref="ComposeMount"/>,
        /// <see cref="ComposeServiceNetwork"/>, <see cref="ComposeDependency"/>, <see cref="ComposeDeploy"/>...; env_file
        /// read), the profiles applied, and every name a service uses checked against what the files declare. The
        /// project's shape: Name, WorkingDirectory, ConfigFiles, Services (enabled only; DisabledServices lists the
        /// rest), Networks (with <c>default</c> when used), Volumes, Secrets and Configs (<see cref="ComposeFileObject"/>),
        /// each top-level object with the engine name compose gives it (PROJECT_KEY), and Warnings.
        /// </remarks>
        /// <param name="paths">The files, merged in this order; relative paths are taken from the current directory. Empty:
        /// compose.yaml (or compose.yml, docker-compose.yaml, docker-compose.yml) in the working directory.</param>
        public static ComposeProject Read(IReadOnlyList<string> paths, ComposeReadOptions? options = null)
        {
            options ??= new ComposeReadOptions();
            List<string> files = Files(paths, options.WorkingDirectory);
            string workingDirectory = Path.GetFullPath(options.WorkingDirectory ?? Path.GetDirectoryName(files[0])!);
            Dictionary<string, string> variables = Variables(workingDirectory, options.Environment);
            var warnings = new List<string>();
            var loader = new ComposeFileLoader(new VariableInterpolator(variables, warnings));

            ComposeMapping merged = loader.Load(files[0], isMain: true);
            foreach (string file in files.Skip(1))
            {
                merged = ComposeMerger.Merge(merged, loader.Load(file, isMain: true));
            }

            string name = ProjectName(options, variables, merged, workingDirectory);
            ComposeMapping services = ComposeValues.Mapping(merged.Get("services")) ?? new ComposeMapping(merged.Mark, "services", null, new List<KeyValuePair<string, ComposeNode>>());
            ComposeMapping resolved = new ComposeExtends(loader, services).ResolveAll();

            var reader = new ComposeServiceReader(workingDirectory, variables);
            List<ComposeService> all = resolved.Entries.Select(entry => reader.Read(entry.Key, (ComposeMapping)entry.Value)).ToList();
            var byName = all.ToDictionary(service => service.Name, StringComparer.Ordinal);
            IReadOnlyList<string> requested = options.Services ?? Array.Empty<string>();
            foreach (string unknown in requested.Where(service => !byName.ContainsKey(service)))
            {
                throw new ComposeFileException($"no service is named '{unknown}'; the services are {string.Join(", ", byName.Keys)}", files[0], 0, 0, "services");
            }

            HashSet<string> enabled = ComposeProfiles.Enabled(all, ActiveProfiles(options, variables), requested);

            Dictionary<string, ComposeNetwork> networks = ComposeTopLevelReader.Networks(merged.Get("networks"), name);
            Dictionary<string, ComposeVolume> volumes = ComposeTopLevelReader.Volumes(merged.Get("volumes"), name);
            Dictionary<string, ComposeFileObject> secrets = ComposeTopLevelReader.Files(merged.Get("secrets"), "secret", ComposeKeys.Secret, name, workingDirectory);
            Dictionary<string, ComposeFileObject> configs = ComposeTopLevelReader.Files(merged.Get("configs"), "config", ComposeKeys.Config, name, workingDirectory);

            var kept = new Dictionary<string, ComposeService>(StringComparer.Ordinal);
            foreach (ComposeService service in all.Where(service => enabled.Contains(service.Name)))
            {
                ComposeReferences.Check(service, (ComposeMapping)resolved.Get(service.Name)!, byName, enabled, networks, volumes, secrets, configs);
                kept[service.Name] = service;
            }

            if (kept.Values.Any(service => service.Networks.ContainsKey("default")) && !networks.ContainsKey("default"))
            {
                networks["default"] = new ComposeNetwork { Name = name + "_default" };
            }

            return new ComposeProject
            {
                Name = name,
                WorkingDirectory = workingDirectory,
                ConfigFiles = files,
                Services = kept,
                DisabledServices = all.Where(service => !enabled.Contains(service.Name)).Select(service => service.Name).ToList(),
                Networks = networks,
                Volumes = volumes,
                Secrets = secrets,
                Configs = configs,
                Warnings = warnings,
            };
        }

        private static List<string> Files(IReadOnlyList<string> paths, string? workingDirectory)
        {
            if (paths.Count == 0)
            {
                string directory = Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory());
                string found = DefaultFiles.Select(file => Path.Combine(directory, file)).FirstOrDefault(File.Exists)
                    ?? throw new ComposeFileException($"no compose file was given, and '{directory}' has none of {string.Join(", ", DefaultFiles)}", directory, 0, 0, null);
                return new List<string> { found };
            }

            var files = new List<string>();
            foreach (string path in paths)
            {
                string full = Path.GetFullPath(path);
                if (!File.Exists(full))
                {
                    throw new ComposeFileException("the file does not exist", full, 0, 0, null);
                }

                files.Add(full);
            }

            return files;
        }

        // .env in the project directory, then the given variables (or this process's) on top, as compose gives the
        // process environment precedence.
        private static Dictionary<string, string> Variables(string workingDirectory, IReadOnlyDictionary<string, string>? environment)
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            string dotEnv = Path.Combine(workingDirectory, ".env");
            if (File.Exists(dotEnv))
            {
                // A bare NAME line sets nothing here: there is no environment below .env to take it from.
                foreach (KeyValuePair<string, string?> entry in DotEnvFile.Read(dotEnv, reason => new ComposeFileException(reason, dotEnv, 0, 0, null)).Where(entry => entry.Value != null))
                {
                    variables[entry.Key] = entry.Value!;
                }
            }

            if (environment != null)
            {
                foreach (KeyValuePair<string, string> entry in environment)
                {
                    variables[entry.Key] = entry.Value;
                }
            }
            else
            {
                foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
                {
                    variables[(string)entry.Key] = entry.Value as string ?? string.Empty;
                }
            }

            return variables;
        }

        // -p (the option), then COMPOSE_PROJECT_NAME, then the files' name:, then the project directory's name.
        private static string ProjectName(ComposeReadOptions options, IReadOnlyDictionary<string, string> variables, ComposeMapping merged, string workingDirectory)
        {
            ComposeNode? nameNode = merged.Get("name");
            string? written = options.ProjectName
                ?? (variables.TryGetValue("COMPOSE_PROJECT_NAME", out string? fromEnvironment) && fromEnvironment.Length > 0 ? fromEnvironment : null)
                ?? ComposeValues.Text(nameNode)
                ?? Path.GetFileName(workingDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            string name = ComposeProjectName.Normalize(written);
            if (name.Length == 0)
            {
                string reason = $"the project name '{written}' has no letters or digits; give one with a name: key or the project name option";
                throw nameNode != null && options.ProjectName == null ? nameNode.Error(reason) : new ComposeFileException(reason, null, 0, 0, "name");
            }

            return name;
        }

        private static IReadOnlyCollection<string> ActiveProfiles(ComposeReadOptions options, IReadOnlyDictionary<string, string> variables)
        {
            if (options.Profiles != null)
            {
                return new HashSet<string>(options.Profiles, StringComparer.Ordinal);
            }

            return variables.TryGetValue("COMPOSE_PROFILES", out string? profiles)
                ? new HashSet<string>(profiles.Split(',').Select(profile => profile.Trim()).Where(profile => profile.Length > 0), StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
        }
    }
}
