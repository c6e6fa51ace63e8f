using System.Globalization;

namespace Containers.Compose
{
    /// <summary>
    /// One service's merged, interpolated mapping turned into a <see cref="ComposeService"/>: every short syntax expanded,
    /// every value checked for its type, env_file read. Relative paths are resolved against the project directory
    /// (env_file paths were made absolute against the file that names them when the file was read).
    /// </summary>
    internal sealed class ComposeServiceReader
    {
        private static readonly string[] RestartValues = { "no", "always", "on-failure", "unless-stopped" };

        private static readonly string[] NetworkKeys = { "aliases", "ipv4_address", "ipv6_address", "link_local_ips", "mac_address", "priority", "gw_priority", "driver_opts", "interface_name" };

        private static readonly string[] DependencyKeys = { "condition", "restart", "required" };

        private static readonly string[] ReferenceKeys = { "source", "target", "uid", "gid", "mode" };

        private static readonly string[] HealthcheckKeys = { "test", "interval", "timeout", "retries", "start_period", "start_interval", "disable" };

        private static readonly string[] EnvFileKeys = { "path", "required", "format" };

        private readonly string projectDirectory;
        private readonly IReadOnlyDictionary<string, string> variables;

        public ComposeServiceReader(string projectDirectory, IReadOnlyDictionary<string, string> variables)
        {
            this.projectDirectory = projectDirectory;
            this.variables = variables;
        }

        public ComposeService Read(string name, ComposeMapping service)
        {
            if (name.Length == 0 || !name.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            {
                throw service.KeyError($"'{name}' is not a service name; use letters, digits, '.', '_' and '-'");
            }

            ComposeValues.CheckKeys(service, ComposeKeys.Service, "service");
            string? image = ComposeValues.Text(service.Get("image"));
            ComposeBuild? build = Build(service.Get("build"));
            if (image == null && build == null)
            {
                throw service.KeyError($"the service '{name}' has neither 'image' nor 'build'; give it one of them");
            }

            List<string> envFiles = EnvFiles(service.Get("env_file"), out List<bool> required);
            ComposeDeploy? deploy = ComposeDeployReader.Read(service.Get("deploy"));
            string? networkMode = ComposeValues.Text(service.Get("network_mode"));
            return new ComposeService
            {
                Name = name,
                Image = image,
                Build = build,
                Command = Words(service.Get("command")),
                Entrypoint = Words(service.Get("entrypoint")),
                Environment = Environment(service, envFiles, required),
                EnvFiles = envFiles,
                Ports = (ComposeValues.Sequence(service.Get("ports"))?.Items ?? new List<ComposeNode>()).SelectMany(PortSyntax.Read).ToList(),
                Expose = ComposeValues.TextList(service.Get("expose")),
                Volumes = (ComposeValues.Sequence(service.Get("volumes"))?.Items ?? new List<ComposeNode>()).Select(item => MountSyntax.Read(item, projectDirectory)).ToList(),
                Networks = Networks(service.Get("networks"), networkMode),
                NetworkMode = networkMode,
                DependsOn = DependsOn(service.Get("depends_on")),
                Labels = ComposeValues.Labels(service.Get("labels")),
                Deploy = deploy,
                Scale = Scale(service.Get("scale"), deploy),
                Restart = Restart(service.Get("restart")),
                User = ComposeValues.Text(service.Get("user")),
                WorkingDir = ComposeValues.Text(service.Get("working_dir")),
                Hostname = ComposeValues.Text(service.Get("hostname")),
                ContainerName = ComposeValues.Text(service.Get("container_name")),
                Secrets = References(service.Get("secrets")),
                Configs = References(service.Get("configs")),
                Profiles = ComposeValues.TextList(service.Get("profiles")),
                Healthcheck = Healthcheck(service.Get("healthcheck")),
                Tty = ComposeValues.Boolean(service.Get("tty")),
                StdinOpen = ComposeValues.Boolean(service.Get("stdin_open")),
                Privileged = ComposeValues.Boolean(service.Get("privileged")),
                ReadOnly = ComposeValues.Boolean(service.Get("read_only")),
                Init = ComposeValues.Boolean(service.Get("init")),
                StopSignal = ComposeValues.Text(service.Get("stop_signal")),
                StopGracePeriod = Duration(service.Get("stop_grace_period")),
                CapAdd = ComposeValues.TextList(service.Get("cap_add")),
                CapDrop = ComposeValues.TextList(service.Get("cap_drop")),
                ExtraHosts = ExtraHosts(service.Get("extra_hosts")),
                Dns = ComposeValues.TextList(service.Get("dns"), allowSingle: true),
                Platform = ComposeValues.Text(service.Get("platform")),
                PullPolicy = PullPolicy(service.Get("pull_policy")),
                Keys = service.Keys.ToList(),
            };
        }

        /// <summary>A command or entrypoint: a list as written, a string split into words.</summary>
        private static List<string>? Words(ComposeNode? node)
        {
            if (node is ComposeScalar scalar)
            {
                return scalar.Value == null ? null : ShellWords.Split(scalar.Value) ?? throw node.Error($"'{scalar.Value}' has a quote that is never closed");
            }

            return node == null ? null : ComposeValues.TextList(node);
        }

        private ComposeBuild? Build(ComposeNode? node)
        {
            if (node is ComposeScalar scalar)
            {
                return scalar.Value == null ? null : new ComposeBuild { Context = Context(scalar.Value) };
            }

            ComposeMapping? mapping = ComposeValues.Mapping(node, ComposeKeys.Build, "build");
            if (mapping == null)
            {
                return null;
            }

            return new ComposeBuild
            {
                Context = Context(ComposeValues.Text(mapping.Get("context")) ?? "."),
                Dockerfile = ComposeValues.Text(mapping.Get("dockerfile")),
                Args = ComposeValues.ListOrMap(mapping.Get("args")).ToDictionary(arg => arg.Key, arg => arg.Value ?? Variable(arg.Key), StringComparer.Ordinal),
                Target = ComposeValues.Text(mapping.Get("target")),
                Labels = ComposeValues.Labels(mapping.Get("labels")),
                Keys = mapping.Keys.ToList(),
            };
        }

        // A git URL or another remote context stays as written.
        private string Context(string context) =>
            context.Contains("://") || context.StartsWith("git@", StringComparison.Ordinal) || context.StartsWith("github.com/", StringComparison.Ordinal)
                ? context
                : MountSyntax.HostPath(context, projectDirectory);

        private List<string> EnvFiles(ComposeNode? node, out List<bool> required)
        {
            required = new List<bool>();
            var paths = new List<string>();
            IEnumerable<ComposeNode> items = node is ComposeScalar { Value: { } } ? new[] { node } : ComposeValues.Sequence(node)?.Items ?? new List<ComposeNode>();
            foreach (ComposeNode item in items)
            {
                ComposeMapping? entry = item is ComposeMapping ? ComposeValues.Mapping(item, EnvFileKeys, "env_file") : null;
                ComposeNode pathNode = entry == null ? item : entry.Get("path") ?? throw item.Error("an env_file entry needs 'path'");
                paths.Add(MountSyntax.HostPath(ComposeValues.RequiredText(pathNode), projectDirectory));
                required.Add(ComposeValues.Boolean(entry?.Get("required")) ?? true);
            }

            return paths;
        }

        // env_file entries, then environment on top; a name without a value is taken from the reader's variables.
        private Dictionary<string, string?> Environment(ComposeMapping service, List<string> envFiles, List<bool> required)
        {
            var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
            ComposeNode? envFileNode = service.Get("env_file");
            for (int i = 0; i < envFiles.Count; i++)
            {
                if (!required[i] && !File.Exists(envFiles[i]))
                {
                    continue;
                }

                foreach (KeyValuePair<string, string?> entry in DotEnvFile.Read(envFiles[i], reason => envFileNode!.Error("env_file: " + reason)))
                {
                    environment[entry.Key] = entry.Value ?? Variable(entry.Key);
                }
            }

            foreach (KeyValuePair<string, string?> entry in ComposeValues.ListOrMap(service.Get("environment")))
            {
                environment[entry.Key] = entry.Value ?? Variable(entry.Key);
            }

            return environment;
        }

        private string? Variable(string name) => variables.TryGetValue(name, out string? value) ? value : null;

        // A service that names no network and has no network_mode is on the project's default network, as compose puts it.
        private static Dictionary<string, ComposeServiceNetwork> Networks(ComposeNode? node, string? networkMode)
        {
            if (networkMode == null && (node == null || node is ComposeScalar { Value: null }))
            {
                return new Dictionary<string, ComposeServiceNetwork>(StringComparer.Ordinal) { ["default"] = new ComposeServiceNetwork() };
            }

            return Named(node, NetworkKeys, "service network").ToDictionary(
                entry => entry.Key,
                entry => new ComposeServiceNetwork
                {
                    Aliases = ComposeValues.TextList(entry.Value?.Get("aliases")),
                    Ipv4Address = ComposeValues.Text(entry.Value?.Get("ipv4_address")),
                    Ipv6Address = ComposeValues.Text(entry.Value?.Get("ipv6_address")),
                    Keys = entry.Value?.Keys.ToList() ?? new List<string>(),
                },
                StringComparer.Ordinal);
        }

        private static Dictionary<string, ComposeDependency> DependsOn(ComposeNode? node) =>
            Named(node, DependencyKeys, "depends_on").ToDictionary(
                entry => entry.Key,
                entry =>
                {
                    ComposeNode? conditionNode = entry.Value?.Get("condition");
                    string condition = ComposeValues.Text(conditionNode) ?? "service_started";
                    if (condition != "service_started" && condition != "service_healthy" && condition != "service_completed_successfully")
                    {
                        throw conditionNode!.Error($"'{condition}' is not a condition; use service_started, service_healthy or service_completed_successfully");
                    }

                    return new ComposeDependency
                    {
                        Condition = condition,
                        Restart = ComposeValues.Boolean(entry.Value?.Get("restart")) ?? false,
                        Required = ComposeValues.Boolean(entry.Value?.Get("required")) ?? true,
                    };
                },
                StringComparer.Ordinal);

        // networks and depends_on: a list of names, or a map of names to their settings (null: none). A name written
        // twice counts once, its last settings kept.
        private static IEnumerable<KeyValuePair<string, ComposeMapping?>> Named(ComposeNode? node, IReadOnlyCollection<string> keys, string what)
        {
            IEnumerable<KeyValuePair<string, ComposeMapping?>> entries = node is ComposeSequence sequence
                ? sequence.Items.Select(item => new KeyValuePair<string, ComposeMapping?>(ComposeValues.RequiredText(item), null))
                : (ComposeValues.Mapping(node)?.Entries ?? new List<KeyValuePair<string, ComposeNode>>())
                    .Select(entry => new KeyValuePair<string, ComposeMapping?>(entry.Key, ComposeValues.Mapping(entry.Value, keys, what)));
            return entries.GroupBy(entry => entry.Key, StringComparer.Ordinal).Select(group => group.Last());
        }

        private static string? Restart(ComposeNode? node)
        {
            string? restart = ComposeValues.Text(node);
            if (restart == null)
            {
                return null;
            }

            string policy = restart.StartsWith("on-failure:", StringComparison.Ordinal) ? "on-failure" : restart;
            bool count = restart.Length == policy.Length || int.TryParse(restart.Substring(policy.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
            return RestartValues.Contains(policy) && count
                ? restart
                : throw node!.Error($"'{restart}' is not a restart policy; use no, always, on-failure, on-failure:N or unless-stopped");
        }

        private static List<ComposeFileReference> References(ComposeNode? node) =>
            (ComposeValues.Sequence(node)?.Items ?? new List<ComposeNode>()).Select(item =>
            {
                if (!(item is ComposeMapping mapping))
                {
                    return new ComposeFileReference { Source = ComposeValues.RequiredText(item) };
                }

                ComposeValues.CheckKeys(mapping, ReferenceKeys, "secret or config reference");
                return new ComposeFileReference
                {
                    Source = ComposeValues.RequiredText(mapping.Get("source") ?? throw item.Error("needs 'source', the secret's or config's name")),
                    Target = ComposeValues.Text(mapping.Get("target")),
                    Uid = ComposeValues.Text(mapping.Get("uid")),
                    Gid = ComposeValues.Text(mapping.Get("gid")),
                    Mode = FileMode(mapping.Get("mode")),
                };
            }).ToList();

        // 0440 is octal, as docker stack and compose read it; a plain number without a leading 0 is decimal.
        private static int? FileMode(ComposeNode? node)
        {
            string? text = ComposeValues.Text(node);
            if (text == null)
            {
                return null;
            }

            string digits = text.StartsWith("0o", StringComparison.Ordinal) ? text.Substring(2) : text;
            bool octal = digits.Length != text.Length || (digits.Length > 1 && digits[0] == '0');
            try
            {
                return octal ? Convert.ToInt32(digits, 8) : int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is FormatException || e is OverflowException || e is ArgumentException)
            {
                throw node!.Error($"'{text}' is not a file mode (write it in octal, as 0440)");
            }
        }

        private static ComposeHealthcheck? Healthcheck(ComposeNode? node)
        {
            ComposeMapping? mapping = ComposeValues.Mapping(node, HealthcheckKeys, "healthcheck");
            if (mapping == null)
            {
                return null;
            }

            ComposeNode? test = mapping.Get("test");
            return new ComposeHealthcheck
            {
                Test = test is ComposeScalar { Value: { } shell } ? new List<string> { "CMD-SHELL", shell } : test == null ? null : ComposeValues.TextList(test),
                Interval = Duration(mapping.Get("interval")),
                Timeout = Duration(mapping.Get("timeout")),
                Retries = ComposeValues.Integer(mapping.Get("retries")),
                StartPeriod = Duration(mapping.Get("start_period")),
                StartInterval = Duration(mapping.Get("start_interval")),
                Disable = ComposeValues.Boolean(mapping.Get("disable")) ?? false,
            };
        }

        // scale: is deploy.replicas under compose's older name; both, and different, is compose's error too.
        private static int? Scale(ComposeNode? node, ComposeDeploy? deploy)
        {
            int? scale = ComposeValues.Integer(node);
            if (scale < 0)
            {
                throw node!.Error($"must be 0 or more, not {scale}");
            }

            return scale != null && deploy?.Replicas != null && deploy.Replicas != scale
                ? throw node!.Error($"is {scale} and deploy.replicas is {deploy.Replicas}; give the number of containers once")
                : scale;
        }

        // A Go duration ("30s", "1m30s"), kept as written once checked.
        private static string? Duration(ComposeNode? node)
        {
            string? text = ComposeValues.Text(node);
            return text == null || GoDuration.TryParse(text, out _) ? text : throw node!.Error($"'{text}' is not a duration; write it as 30s, 1m30s or 500ms");
        }

        // compose's if_not_present is missing under its older name.
        private static string? PullPolicy(ComposeNode? node)
        {
            string? policy = ComposeValues.Text(node);
            return policy switch
            {
                null => null,
                "if_not_present" => "missing",
                "always" or "missing" or "never" or "build" => policy,
                _ => throw node!.Error($"'{policy}' is not a pull policy; use always, missing, never or build"),
            };
        }

        // extra_hosts: a list of HOST:IP (or HOST=IP) entries, or a map HOST: IP.
        private static List<string> ExtraHosts(ComposeNode? node)
        {
            if (node is ComposeMapping mapping)
            {
                return mapping.Entries.Select(entry => entry.Key + ":" + ComposeValues.RequiredText(entry.Value)).ToList();
            }

            return ComposeValues.TextList(node).Select(entry =>
            {
                int equals = entry.IndexOf('=');
                return equals < 0 ? entry : entry.Substring(0, equals) + ":" + entry.Substring(equals + 1);
            }).ToList();
        }
    }
}
