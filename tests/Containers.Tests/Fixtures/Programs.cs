using System.Diagnostics;

namespace Containers.Tests.Fixtures
{
    /// <summary>Running the programs tests compare against or set up with (docker, openssl, htpasswd, umount).</summary>
    public static class Programs
    {
        /// <summary>Runs a program to completion, failing with its output when it exits non-zero.</summary>
        public static string Run(string program, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null)
        {
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            SetEnvironment(start, environment);

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + program);
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(60_000))
            {
                process.Kill();
                throw new TimeoutException($"{program} {string.Join(" ", start.ArgumentList)} did not finish within 60 s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(" ", start.ArgumentList)} exited with {process.ExitCode}: {error.Result}{output}");
            }

            return output;
        }

        /// <summary>Sets (or, for null values, removes) variables of a process about to start.</summary>
        public static void SetEnvironment(ProcessStartInfo start, IDictionary<string, string?>? environment)
        {
            foreach (KeyValuePair<string, string?> variable in environment ?? new Dictionary<string, string?>())
            {
                if (variable.Value == null)
                {
                    start.Environment.Remove(variable.Key);
                }
                else
                {
                    start.Environment[variable.Key] = variable.Value;
                }
            }
        }
    }
}
