using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PowerShellInstance = System.Management.Automation.PowerShell;

namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>
    /// A PowerShell session (runspace) with the built module imported, pointed at the private engine, in which a test runs
    /// scripts as a user types them. Variables every script sees: <c>$TestImage</c> (an image with /bin/sh),
    /// <c>$TestRegistry</c> (127.0.0.1:PORT), <c>$Prefix</c> (a name prefix of this session's own). Disposing it removes
    /// the containers, networks, volumes and images whose names start with the prefix, then closes the runspace.
    /// </summary>
    public sealed class ModuleSession : IDisposable
    {
        private readonly Runspace _runspace;

        private ModuleSession(Runspace runspace, TestEngineProcess engine, string prefix)
        {
            _runspace = runspace;
            Engine = engine;
            Prefix = prefix;
        }

        public TestEngineProcess Engine { get; }

        /// <summary>Names made by this session start with it ("ps" and 8 hex digits), so cleaning up touches nothing else.</summary>
        public string Prefix { get; }

        public static async Task<ModuleSession> StartAsync()
        {
            ModuleFolder.RequireBuilt();
            TestEngineProcess engine = await TestEngineProcess.GetAsync().ConfigureAwait(false);
            InitialSessionState state = InitialSessionState.CreateDefault2();
            state.ImportPSModule(new[] { ModuleFolder.Manifest });
            string prefix = "ps" + Guid.NewGuid().ToString("N").Substring(0, 8);
            state.Variables.Add(new SessionStateVariableEntry("TestImage", engine.Image, "The test image: busybox, with /bin/sh."));
            state.Variables.Add(new SessionStateVariableEntry("TestRegistry", engine.Registry, "The private registry, 127.0.0.1:PORT."));
            state.Variables.Add(new SessionStateVariableEntry("Prefix", prefix, "Names this test makes start with it."));
            Runspace runspace = RunspaceFactory.CreateRunspace(state);
            runspace.Open();
            return new ModuleSession(runspace, engine, prefix);
        }

        /// <summary>Runs a script and returns every stream; a terminating error is returned, not thrown.</summary>
        /// <param name="variables">Set in the session before the script runs.</param>
        /// <param name="whenWritten">
        /// Called on the pipeline thread with each output object, progress record and information record as it is written,
        /// for a test that acts while a command runs (kills its engine once its stream flows).
        /// </param>
        public RunResult Run(string script, IReadOnlyDictionary<string, object?>? variables = null, Action<object>? whenWritten = null)
        {
            foreach (KeyValuePair<string, object?> variable in variables ?? new Dictionary<string, object?>())
            {
                _runspace.SessionStateProxy.SetVariable(variable.Key, variable.Value);
            }

            using PowerShellInstance shell = PowerShellInstance.Create();
            shell.Runspace = _runspace;
            shell.AddScript(script);
            var output = new PSDataCollection<PSObject>();
            if (whenWritten != null)
            {
                output.DataAdded += (_, added) => whenWritten(output[added.Index]);
                shell.Streams.Progress.DataAdded += (_, added) => whenWritten(shell.Streams.Progress[added.Index]);
                shell.Streams.Information.DataAdded += (_, added) => whenWritten(shell.Streams.Information[added.Index]);
            }

            ErrorRecord? terminating = null;
            try
            {
                shell.Invoke(null, output);
            }
            catch (RuntimeException e)
            {
                terminating = e.ErrorRecord;
            }

            return new RunResult(
                output.ToList(),
                shell.Streams.Error.ToList(),
                terminating,
                shell.Streams.Warning.Select(record => record.Message).ToList(),
                shell.Streams.Verbose.Select(record => record.Message).ToList(),
                shell.Streams.Debug.Select(record => record.Message).ToList(),
                shell.Streams.Information.ToList(),
                shell.Streams.Progress.ToList());
        }

        /// <summary>
        /// Starts a script, stops it after <paramref name="after"/> as Ctrl+C does (PowerShell's Stop), and returns how long
        /// the stop took to come back, with the error the stop left (a PipelineStoppedException) or none.
        /// </summary>
        public (TimeSpan StopTook, Exception? Error) RunAndStop(string script, TimeSpan after)
        {
            using PowerShellInstance shell = PowerShellInstance.Create();
            shell.Runspace = _runspace;
            shell.AddScript(script);
            IAsyncResult running = shell.BeginInvoke();
            running.AsyncWaitHandle.WaitOne(after);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            shell.Stop();
            Exception? error = null;
            try
            {
                shell.EndInvoke(running);
            }
            catch (Exception e)
            {
                error = e;
            }

            return (clock.Elapsed, error);
        }

        /// <summary>What tab completion offers at the end of <paramref name="input"/> (or at <paramref name="cursor"/>), as PowerShell's TabExpansion2 computes it.</summary>
        public IReadOnlyList<CompletionResult> Complete(string input, int? cursor = null)
        {
            using PowerShellInstance shell = PowerShellInstance.Create();
            shell.Runspace = _runspace;
            CommandCompletion completion = CommandCompletion.CompleteInput(input, cursor ?? input.Length, null, shell);
            return completion.CompletionMatches.ToList();
        }

        public void Dispose()
        {
            try
            {
                Run(@"
                    Get-Container -All -Name ""$Prefix*"" | Remove-Container -Force -Confirm:$false -ErrorAction SilentlyContinue
                    Get-ContainerNetwork -Name ""$Prefix*"" | Remove-ContainerNetwork -Force -Confirm:$false -ErrorAction SilentlyContinue
                    Get-ContainerVolume -Name ""$Prefix*"" | Remove-ContainerVolume -Force -Confirm:$false -ErrorAction SilentlyContinue
                    Get-ContainerImage -Name ""*$Prefix*"" | Remove-ContainerImage -Force -Confirm:$false -ErrorAction SilentlyContinue");
            }
            finally
            {
                _runspace.Dispose();
            }
        }
    }
}
