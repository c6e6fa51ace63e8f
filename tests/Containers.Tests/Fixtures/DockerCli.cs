using Containers.Engine.Transport;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// The docker CLI on PATH, run for comparison or set-up with a configuration folder of the test's own and none of
    /// this process's engine variables, so neither the developer's settings nor an earlier test's leak in.
    /// </summary>
    public static class DockerCli
    {
        /// <summary>Runs <c>docker -H ENGINE ARGUMENTS</c> and returns its standard output; a non-zero exit throws with its output.</summary>
        public static string Run(EngineEndpoint engine, string configDirectory, params string[] arguments)
        {
            var all = new List<string> { "-H", engine.ToString() };
            all.AddRange(arguments);
            return Run(configDirectory, all);
        }

        /// <summary>Runs <c>docker ARGUMENTS</c>; <paramref name="variables"/> are set on top (a null value removes one).</summary>
        public static string Run(string configDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? variables = null) =>
            Programs.Run(Prerequisites.Require("docker"), arguments, CleanEnvironment(configDirectory, variables));

        /// <summary>Runs <c>docker-compose ARGUMENTS</c> (1.29, Debian's) with the same clean environment and <paramref name="variables"/> on top.</summary>
        public static string RunCompose(string configDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? variables = null) =>
            Programs.Run(Prerequisites.Require("docker-compose"), arguments, CleanEnvironment(configDirectory, variables));

        private static Dictionary<string, string?> CleanEnvironment(string configDirectory, IReadOnlyDictionary<string, string?>? variables)
        {
            var environment = new Dictionary<string, string?>
            {
                ["DOCKER_CONFIG"] = configDirectory,
                ["DOCKER_BUILDKIT"] = "0", // the classic builder: the engine here has no BuildKit front end to offer
                ["DOCKER_HOST"] = null,
                ["DOCKER_CONTEXT"] = null,
                ["DOCKER_TLS_VERIFY"] = null,
                ["DOCKER_TLS"] = null,
                ["DOCKER_CERT_PATH"] = null,
                ["DOCKER_API_VERSION"] = null,
            };
            foreach (KeyValuePair<string, string?> variable in variables ?? new Dictionary<string, string?>())
            {
                environment[variable.Key] = variable.Value;
            }

            return environment;
        }
    }
}
