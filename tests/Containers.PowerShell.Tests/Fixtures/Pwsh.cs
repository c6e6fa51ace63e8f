using System.Diagnostics;

namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>
    /// pwsh as a separate process, for what only a whole process shows: its exit code under -Command, -NonInteractive, a
    /// script's $? at the end. It inherits this process's environment, so it reaches the private engine.
    /// </summary>
    public static class Pwsh
    {
        public sealed record Outcome(int ExitCode, string Output, string Error);

        /// <summary>Runs <c>pwsh -NoProfile -NonInteractive -Command</c> with the module imported first.</summary>
        public static async Task<Outcome> RunAsync(string command, TimeSpan? limit = null)
        {
            await TestEngineProcess.GetAsync().ConfigureAwait(false);
            ProcessStartInfo start = StartInfo("-Command", $"Import-Module '{ModuleFolder.Manifest}'; {command}");
            return await RunAsync(start, command, limit).ConfigureAwait(false);
        }

        /// <summary>
        /// Runs <c>pwsh -NoProfile -NonInteractive -File</c> a script with its arguments, as a scheduler or Azure Automation
        /// starts one: nothing is imported first, and <paramref name="shapeEnvironment"/> edits the child's copy of this
        /// process's environment (this process's own is never changed).
        /// </summary>
        public static Task<Outcome> RunFileAsync(string script, IEnumerable<string> arguments, Action<IDictionary<string, string?>> shapeEnvironment, TimeSpan? limit = null)
        {
            ProcessStartInfo start = StartInfo(new[] { "-File", script }.Concat(arguments).ToArray());
            shapeEnvironment(start.Environment);
            return RunAsync(start, script, limit);
        }

        private static ProcessStartInfo StartInfo(params string[] arguments)
        {
            var start = new ProcessStartInfo(Find())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { "-NoProfile", "-NonInteractive" }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            return start;
        }

        /// <summary>Starts the process with its input closed at once (nobody can answer), and waits for it within the limit.</summary>
        private static async Task<Outcome> RunAsync(ProcessStartInfo start, string what, TimeSpan? limit)
        {
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("pwsh did not start.");
            process.StandardInput.Close();
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            Task exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(limit ?? TimeSpan.FromMinutes(2))).ConfigureAwait(false) != exited)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"pwsh did not finish: {what}");
            }

            return new Outcome(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }

        /// <summary>pwsh on the PATH, else the .NET global tool's (where .ci/run installs it).</summary>
        public static string Find()
        {
            string tools = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");
            return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Append(tools)
                .Select(directory => Path.Combine(directory, "pwsh"))
                .FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException("These tests need pwsh: dotnet tool install -g PowerShell --version 7.6.10 (.ci/run does this).");
        }
    }
}
