using System.Diagnostics;
using Containers.Tests.Fixtures;

namespace Containers.Bench
{
    /// <summary>
    /// Runs the docker CLI on PATH against the private engine, its standard output going to /dev/null (through
    /// <c>sh -c 'exec docker ... &gt;/dev/null'</c>, so nothing of ours reads a pipe). What it costs is the whole process:
    /// start-up, its own version negotiation, the call, and writing its output.
    /// </summary>
    internal sealed class DockerCli
    {
        private const string Script = "exec \"$0\" \"$@\" >/dev/null";

        private readonly string _docker;
        private readonly string _socketPath;
        private readonly string _configDirectory;

        public DockerCli(string socketPath, string configDirectory)
        {
            _docker = Prerequisites.Require("docker");
            _socketPath = socketPath;
            _configDirectory = configDirectory;
            Directory.CreateDirectory(configDirectory);
        }

        /// <summary>The CLI's DOCKER_CONFIG: where a benchmark puts the registry login the CLI should use.</summary>
        public string ConfigDirectory => _configDirectory;

        /// <summary>Runs <c>docker -H unix://SOCKET arguments</c> and fails on a non-zero exit.</summary>
        public void Run(params string[] arguments) => Run(null, arguments);

        /// <summary>The same, with more environment variables (for example DOCKER_BUILDKIT=0).</summary>
        public void Run(IDictionary<string, string>? environment, params string[] arguments)
        {
            var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardError = true };
            var all = new List<string> { "-c", Script, _docker, "-H", "unix://" + _socketPath };
            all.AddRange(arguments);
            foreach (string argument in all)
            {
                start.ArgumentList.Add(argument);
            }

            SetEnvironment(start, environment);
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the docker CLI.");
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"docker {string.Join(' ', arguments)} exited with {process.ExitCode}: {errors}");
            }
        }

        /// <summary>
        /// Runs the CLI with its standard output read line by line (a pipe: it is the only way to see when a line is
        /// printed), and returns the time from starting the process to the first line that starts with
        /// <paramref name="marker"/>, the time to its exit, and the output.
        /// </summary>
        public async Task<CliTimes> RunTimedAsync(IDictionary<string, string>? environment, string marker, params string[] arguments)
        {
            var start = new ProcessStartInfo(_docker) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("unix://" + _socketPath);
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            SetEnvironment(start, environment);
            var output = new List<string>();
            double? markerAt = null;
            long started = Stopwatch.GetTimestamp();
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the docker CLI.");
            Task<string> errors = process.StandardError.ReadToEndAsync();

            // ReadLine ends a line at \r too, so the CLI's "Sending build context" progress (\r-terminated) arrives piece by piece.
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync()) != null)
            {
                if (markerAt == null && line.StartsWith(marker, StringComparison.Ordinal))
                {
                    markerAt = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }

                if (line.Length > 0)
                {
                    output.Add(line);
                }
            }

            await process.WaitForExitAsync();
            double total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"docker {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{string.Join('\n', output)}");
            }

            if (markerAt == null)
            {
                throw new InvalidOperationException($"docker {string.Join(' ', arguments)} never printed a line starting with '{marker}':\n{string.Join('\n', output)}");
            }

            return new CliTimes(markerAt.Value, total, output);
        }

        private void SetEnvironment(ProcessStartInfo start, IDictionary<string, string>? environment)
        {
            // The developer's own CLI settings (contexts, DOCKER_HOST) must not pick another engine.
            start.Environment.Remove("DOCKER_HOST");
            start.Environment.Remove("DOCKER_CONTEXT");
            start.Environment["DOCKER_CONFIG"] = _configDirectory;
            foreach (KeyValuePair<string, string> variable in environment ?? new Dictionary<string, string>())
            {
                start.Environment[variable.Key] = variable.Value;
            }
        }
    }

    /// <summary>A timed CLI run: when a given line appeared, when the process ended (ms from its start), and what it printed.</summary>
    internal sealed record CliTimes(double MarkerMilliseconds, double TotalMilliseconds, IReadOnlyList<string> Output);
}
