using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
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

        /// <summary>Runs <c>docker -H unix://SOCKET arguments</c> and fails on a non-zero exit.</summary>
        public void Run(params string[] arguments)
        {
            var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardError = true };
            var all = new List<string> { "-c", Script, _docker, "-H", "unix://" + _socketPath };
            all.AddRange(arguments);
            foreach (string argument in all)
            {
                start.ArgumentList.Add(argument);
            }

            // The developer's own CLI settings (contexts, DOCKER_HOST) must not pick another engine.
            start.Environment.Remove("DOCKER_HOST");
            start.Environment.Remove("DOCKER_CONTEXT");
            start.Environment["DOCKER_CONFIG"] = _configDirectory;

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the docker CLI.");
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"docker {string.Join(' ', arguments)} exited with {process.ExitCode}: {errors}");
            }
        }
    }
}
