using System;
using System.Collections.Generic;
using System.Globalization;

namespace Containers.Provisioning.Ssh
{
    /// <summary>
    /// The ssh command line of one run. Nothing of the user's own SSH setup may change what it does: no config file
    /// (<c>-F</c> the null device), no other keys than the one given (IdentitiesOnly), no prompts (BatchMode), no known
    /// hosts but the run's own file. ssh keeps the FIRST value it reads for an option, so every option is given once,
    /// here, before anything else could name it.
    /// </summary>
    internal static class SshArguments
    {
        public static IReadOnlyList<string> Build(SshConnection connection, string knownHostsFile, string remoteCommand)
        {
            var arguments = new List<string> { "-F", SshClientProgram.NullDevice };
            void Option(string name, string value) => arguments.AddRange(new[] { "-o", name + "=" + value });

            Option("BatchMode", "yes");
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

            Option("ConnectTimeout", Math.Ceiling(connection.ConnectTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            Option("ConnectionAttempts", "1");
            Option("ServerAliveInterval", "15");
            Option("ServerAliveCountMax", "4");

            Option("ControlMaster", "no");
            Option("ControlPath", "none");
            Option("ForwardAgent", "no");
            Option("ForwardX11", "no");
            Option("ClearAllForwardings", "yes");
            Option("RequestTTY", "no");

            // INFO, not ERROR: "Unable to negotiate ... no matching host key type" is only told at INFO. What ssh says
            // before the script starts is kept apart from the script's own standard error.
            Option("LogLevel", "INFO");

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

        /// <summary>ssh splits option values at spaces unless quoted (a Windows profile path may have one).</summary>
        private static string QuoteOptionValue(string value) => value.IndexOf(' ') >= 0 ? "\"" + value + "\"" : value;
    }
}
