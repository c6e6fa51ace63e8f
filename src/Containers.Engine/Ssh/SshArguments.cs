using System.Globalization;

namespace Containers.Engine.Ssh
{
    /// <summary>
    /// The ssh command lines the module runs, never prompting (BatchMode) and never forwarding anything. ssh keeps the
    /// FIRST value it reads for an option, so every option is given here, before any config file could name it.
    /// </summary>
    internal static class SshArguments
    {
        /// <summary>
        /// A run against a host of the host store: nothing of the user's own SSH setup may change what it does: no config
        /// file (<c>-F</c> the null device), no other keys than the one given (IdentitiesOnly), no known hosts but the
        /// run's own file, holding the pinned key.
        /// </summary>
        /// <param name="logLevel">INFO for scripts; VERBOSE to be told when the login succeeded ("Authenticated to").</param>
        public static IReadOnlyList<string> Build(SshConnection connection, string knownHostsFile, string remoteCommand, string logLevel = "INFO")
        {
            var arguments = new List<string> { "-F", SshClientProgram.NullDevice };
            void Option(string name, string value) => arguments.AddRange(new[] { "-o", name + "=" + value });

            Option("IdentitiesOnly", "yes");
            Option("PreferredAuthentications", "publickey");
            Option("PasswordAuthentication", "no");
            Option("KbdInteractiveAuthentication", "no");

            Option("UserKnownHostsFile", QuoteOptionValue(knownHostsFile));
            Option("GlobalKnownHostsFile", SshClientProgram.NullDevice);
            Option("HostKeyAlias", SshKnownHosts.Alias);
            Option("CheckHostIP", "no");
            Option("HashKnownHosts", "no");
            Option("UpdateHostKeys", "no");
            if (connection.HostKey == null)
            {
                // First contact: accept what the host presents into the (empty) file, for the store to pin.
                Option("StrictHostKeyChecking", "accept-new");
            }
            else
            {
                // Later contacts: only the pinned key, and only its algorithms, so a host offering another key type fails too.
                Option("StrictHostKeyChecking", "yes");
                Option("HostKeyAlgorithms", connection.HostKey.HostKeyAlgorithms);
            }

            // INFO, not ERROR: "Unable to negotiate ... no matching host key type" is only told at INFO. What ssh says
            // before the script starts is kept apart from the script's own standard error.
            AddSessionOptions(arguments, connection.ConnectTimeout, logLevel);

            arguments.AddRange(new[]
            {
                "-i", connection.IdentityFile,
                "-p", connection.Port.ToString(CultureInfo.InvariantCulture),
                "-l", connection.User,
                "-T",
                "--",
                connection.Address.Trim('[', ']'),
                remoteCommand,
            });
            return arguments;
        }

        /// <summary>
        /// A run as the docker CLI makes it for an ssh:// engine: the user's own SSH setup (config, keys, agent,
        /// known_hosts) decides who logs in with what, but a host whose key known_hosts does not hold is refused, never
        /// asked about or added. A user or port left out of the address is left to that setup.
        /// </summary>
        /// <param name="configFile">An ssh config file to read instead of the user's own; null for the user's.</param>
        public static IReadOnlyList<string> BuildForUserSetup(string? user, string host, int? port, TimeSpan connectTimeout, string? configFile, string remoteCommand)
        {
            var arguments = new List<string>();
            if (configFile != null)
            {
                arguments.AddRange(new[] { "-F", configFile });
            }

            arguments.AddRange(new[] { "-o", "StrictHostKeyChecking=yes" });

            // A RemoteCommand in the user's config would clash with ours ("Cannot execute command-line and remote
            // command"); a LocalCommand would run here at every connection.
            arguments.AddRange(new[] { "-o", "RemoteCommand=none", "-o", "PermitLocalCommand=no" });

            // VERBOSE: "Authenticated to HOST" tells that the session stands, which is when connecting is over.
            AddSessionOptions(arguments, connectTimeout, "VERBOSE");
            if (user != null)
            {
                arguments.AddRange(new[] { "-l", user });
            }

            if (port != null)
            {
                arguments.AddRange(new[] { "-p", port.Value.ToString(CultureInfo.InvariantCulture) });
            }

            arguments.AddRange(new[] { "-T", "--", host.Trim('[', ']'), remoteCommand });
            return arguments;
        }

        /// <summary>What every run needs: no prompt, one bounded connection attempt, a dead peer noticed, nothing forwarded, no shared master connection.</summary>
        private static void AddSessionOptions(List<string> arguments, TimeSpan connectTimeout, string logLevel)
        {
            void Option(string name, string value) => arguments.AddRange(new[] { "-o", name + "=" + value });

            Option("BatchMode", "yes");
            Option("ConnectTimeout", Math.Max(1, Math.Ceiling(connectTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
            Option("ConnectionAttempts", "1");
            Option("ServerAliveInterval", "15");
            Option("ServerAliveCountMax", "4");

            // A master connection (ControlPersist) would outlive the run as a process of its own.
            Option("ControlMaster", "no");
            Option("ControlPath", "none");
            Option("ForwardAgent", "no");
            Option("ForwardX11", "no");
            Option("ClearAllForwardings", "yes");
            Option("RequestTTY", "no");
            Option("LogLevel", logLevel);
        }

        /// <summary>ssh splits option values at spaces unless quoted (a Windows profile path may have one).</summary>
        private static string QuoteOptionValue(string value) => value.IndexOf(' ') >= 0 ? "\"" + value + "\"" : value;
    }
}
