namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// A network namespace for one test engine (<see cref="Dockerd.StartIsolatedAsync"/>): named after the engine's folder,
    /// with only its loopback up, recorded in the folder's <c>netns</c> file so that the watchdog, and
    /// <see cref="StaleEngines"/> after a crashed run, delete it with the folder.
    /// </summary>
    public static class EngineNamespace
    {
        /// <summary>The file in an engine's folder that names its namespace.</summary>
        public const string FileName = "netns";

        /// <summary>
        /// Makes the namespace for the engine in <paramref name="directory"/> and returns the program and arguments that
        /// start <paramref name="program"/> inside it with a host name of its own. <c>nsenter --net</c>, not
        /// <c>ip netns exec</c>: the latter remounts /sys and hides the cgroups dockerd needs. Every step execs the next,
        /// so the pid the watchdog records is dockerd's.
        /// </summary>
        public static (string Program, List<string> Arguments) Wrap(string directory, string hostName, string program, IEnumerable<string> arguments)
        {
            string name = "cte-" + Path.GetFileName(directory);
            Programs.Run("ip", new[] { "netns", "add", name });
            File.WriteAllText(Path.Combine(directory, FileName), name);
            Programs.Run("ip", new[] { "-n", name, "link", "set", "lo", "up" });

            var wrapped = new List<string>
            {
                "--net=/run/netns/" + name,
                Prerequisites.Require("unshare"), "--uts",
                "sh", "-c", "hostname \"$0\" && exec \"$@\"", hostName,
                program,
            };
            wrapped.AddRange(arguments);
            return (Prerequisites.Require("nsenter"), wrapped);
        }

        /// <summary>Deletes the namespace named in <paramref name="directory"/>'s <c>netns</c> file, if there is one.</summary>
        public static void Delete(string directory)
        {
            string file = Path.Combine(directory, FileName);
            if (File.Exists(file))
            {
                StaleEngines.RunIgnoringFailure("ip", "netns", "del", File.ReadAllText(file).Trim());
            }
        }
    }
}
