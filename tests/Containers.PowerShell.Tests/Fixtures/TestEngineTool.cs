using System.Diagnostics;
using System.Reflection;

namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>
    /// Starts tests/Containers.TestEngine (a private dockerd, and unless told otherwise a registry) as a process of its
    /// own and reads the <c>NAME=VALUE</c> lines it prints until <c>READY</c>. It keeps them until its standard input closes.
    /// </summary>
    internal static class TestEngineTool
    {
        public static async Task<(Process Process, IReadOnlyDictionary<string, string> Settings)> StartAsync(params string[] arguments)
        {
            string tool = typeof(TestEngineTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "TestEngineTool").Value!;
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(tool);
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start " + tool);
            Task<string> errors = process.StandardError.ReadToEndAsync();

            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync().ConfigureAwait(false)) != null && line != "READY")
            {
                int equals = line.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    settings[line.Substring(0, equals)] = line.Substring(equals + 1);
                }
            }

            if (line != "READY")
            {
                await process.WaitForExitAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"The test engine tool exited with {process.ExitCode} before it was ready: {await errors.ConfigureAwait(false)}");
            }

            return (process, settings);
        }
    }
}
