using System.Management.Automation;
using Containers.Commands.Fleet;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets
{
    /// <summary>
    /// The base of every cmdlet in the module. It runs each stage's async work on the pipeline thread (so the core can
    /// await freely and still write output), turns Ctrl+C into a cancelled token, and turns exceptions that escape into
    /// terminating ErrorRecords with the core's classification.
    /// </summary>
    public abstract class ContainersCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private bool _diagnosticsDecided;
        private EngineDiagnostics? _diagnostics;

        private readonly AsyncLocal<ContainerEngine?> _fleetEngine = new AsyncLocal<ContainerEngine?>();
        private bool _engineGivenAsArgument;
        private bool _namesGivenAsArgument;

        /// <summary>
        /// The engines to act on: ContainerEngine objects, addresses such as tcp://host:2376, or names of hosts in the host
        /// store or of docker contexts, wildcards allowed (web*). With several, the command runs on all of them at once.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EngineArgument]
        [ArgumentCompleter(typeof(EngineCompleter))]
        public ContainerEngine[]? Engine { get; set; }

        /// <summary>With several engines, how many are asked at once.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int ThrottleLimit { get; set; } = EngineFleet.DefaultThrottleLimit;

        /// <summary>
        /// Whether the cmdlet runs on several engines at once when -Engine names several. Cmdlets that only make sense on
        /// one (an interactive session, one archive, choosing the session's engine) say no, and refuse several.
        /// </summary>
        protected virtual bool ActsOnManyEngines => true;

        /// <summary>
        /// Whether the cmdlet acts on an engine at all. Those that do not (the host store, registry logins) accept -Engine
        /// like every cmdlet, so that piped objects bind, and run once whatever it names.
        /// </summary>
        protected virtual bool UsesEngine => true;

        /// <summary>True when -Engine was given or piped in.</summary>
        protected bool EngineGiven => Engine != null && Engine.Length > 0;

        /// <summary>True when -Name was given as an argument, so names bound per record did not come from piped objects.</summary>
        protected bool NamesGivenAsArgument => _namesGivenAsArgument;

        /// <summary>Which PowerShell session this is, for the engine Connect-ContainerEngine chose.</summary>
        protected static string SessionKey => PowerShellSession.Key;

        /// <summary>
        /// The engine for this record: the one of this run when -Engine named several (each runs the record on its own),
        /// else -Engine (given or piped in), else the session's, else the environment's.
        /// </summary>
        protected ContainerEngine SelectEngine()
        {
            ContainerEngine? given = _fleetEngine.Value ?? SingleGivenEngine();
            if (_diagnostics == null)
            {
                return EngineSelector.ForProcess.Select(given, SessionKey);
            }

            ContainerEngine engine = EngineSelector.ForProcess.Select(given, SessionKey, out string reason);
            _diagnostics.Chosen(engine, reason);
            return engine;
        }

        /// <summary>The one engine -Engine names (given or piped in), or null; several are refused.</summary>
        protected ContainerEngine? SingleGivenEngine()
        {
            if (!EngineGiven)
            {
                return null;
            }

            if (Engine!.Length > 1)
            {
                throw OneEngineOnly();
            }

            return Engine[0];
        }

        /// <summary>
        /// A ContainerHost or a ContainerEngineInfo piped in (Get-ContainerHost NAME | Get-Container, Get-ContainerEngine |
        /// Get-Container) binds -Engine from its Engine property and -Name from its Name, by property name: that name is the
        /// host's or engine's, not a filter, so it is dropped.
        /// </summary>
        protected string[]? WithoutPipedHostName(string[]? names) =>
            MyInvocation.ExpectingInput && Engine != null && Engine.Length == 1 && !_engineGivenAsArgument
            && names != null && names.Length == 1 && string.Equals(names[0], Engine[0].Name, StringComparison.OrdinalIgnoreCase)
                ? null
                : names;

        /// <summary>
        /// Runs <paramref name="act"/> once per engine with the targets this record names: names (with
        /// <paramref name="byObject"/> false) go to the selected engine; objects go to -Engine when given, else each to
        /// the engine it came from, since objects given as an argument (-Container $list) may come from several.
        /// </summary>
        protected Task ForEachEngineAsync<T>(
            bool byObject,
            IReadOnlyList<string> names,
            IEnumerable<T> objects,
            Func<T, ContainerEngine?> engineOf,
            Func<T, string> nameOf,
            Func<ContainerEngine, IReadOnlyList<string>, Task> act)
        {
            if (!byObject)
            {
                RefuseForeignPipedObject(names);
                return act(SelectEngine(), names);
            }

            if (Engine != null && Engine.Length > 1)
            {
                throw new InvalidParameterException("Engine", null,
                    "Objects given to a command go back to the engine they came from, or to the one engine -Engine names: with objects, -Engine takes one engine, not " + Engine.Length + ".");
            }

            return EngineGiven
                ? act(SelectEngine(), objects.Select(nameOf).ToList())
                : EngineGroups.ForEachAsync(objects, engineOf, nameOf, SelectEngine, (engine, targets) =>
                {
                    _diagnostics?.Chosen(engine, "the objects given, which came from it");
                    return act(engine, targets);
                });
        }

        // Names bound from a Process's or a file's Name are nobody's container names: refused before anything is
        // asked, stopping the command (every record of such a pipeline is the same mistake).
        private void RefuseForeignPipedObject(IReadOnlyList<string> names)
        {
            if (!_namesGivenAsArgument && ForeignPipelineInput.Of(this) is object foreign)
            {
                string type = foreign.GetType().FullName ?? foreign.GetType().Name;
                throw new InvalidParameterException("PipelineInput", foreign,
                    $"{MyInvocation.MyCommand.Name} was given a {type} from the pipeline, and would have taken '{string.Join("', '", names)}', bound from it by property name, for the names of what it acts on: "
                    + "it takes names as strings, the module's objects, or rows with a Name column (Import-Csv, [pscustomobject]). "
                    + "To mean those names, select them first: ... | Select-Object -ExpandProperty Name | " + MyInvocation.MyCommand.Name + ".");
            }
        }

        protected sealed override void BeginProcessing()
        {
            // Arguments are bound before BeginProcessing, piped values only per record: an -Engine set later came from the pipeline.
            _engineGivenAsArgument = EngineGiven;
            _namesGivenAsArgument = MyInvocation.BoundParameters.ContainsKey("Name");
            if (MyInvocation.BoundParameters.ContainsKey("Engine") && !EngineGiven && UsesEngine)
            {
                // -Engine (Get-ContainerHost 'front*') when no host matches: acting on the session's engine instead would
                // do to it what was meant for others. (An object piped in without an Engine still means the default one.)
                ThrowTerminatingError(ErrorRecords.From(ErrorClassifier.Classify(new InvalidParameterException("Engine", null,
                    "-Engine was given but names no engine (it is $null or empty, as a command that found nothing gives): leave -Engine out to act on the session's engine."), null)));
            }

            Run(BeginProcessingAsync);
        }

        protected sealed override void ProcessRecord() => Run(AcrossEngines(ProcessRecordAsync));

        protected sealed override void EndProcessing() => Run(EndProcessingAsync);

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>
        /// The record's work as is for one engine; with several, the same work once per engine, all at once
        /// (<see cref="EngineFleet"/>), each run seeing its own engine in <see cref="SelectEngine"/>. Only records fan out:
        /// what a cmdlet gathers record by record (one group per engine) it completes in one EndProcessing.
        /// </summary>
        private Func<ICommandOutput, CancellationToken, Task> AcrossEngines(Func<ICommandOutput, CancellationToken, Task> stage)
        {
            if (Engine == null || Engine.Length < 2 || !UsesEngine)
            {
                return stage;
            }

            if (!ActsOnManyEngines)
            {
                return (output, cancellationToken) => Task.FromException(OneEngineOnly());
            }

            ContainerEngine[] engines = Engine;
            return (output, cancellationToken) => EngineFleet.RunAsync(engines, ThrottleLimit, output, (engine, engineOutput, token) => OnEngineAsync(engine, stage, engineOutput, token), cancellationToken);
        }

        private InvalidParameterException OneEngineOnly() => new InvalidParameterException("Engine", null,
            $"{MyInvocation.MyCommand.Name} acts on one engine, and -Engine names {Engine!.Length} ({string.Join(", ", Engine.Select(engine => engine.Name))}). Run it once per engine.");

        // Its own async method, so that the engine set here belongs to this engine's run alone and is gone when it returns.
        private async Task OnEngineAsync(ContainerEngine engine, Func<ICommandOutput, CancellationToken, Task> stage, ICommandOutput output, CancellationToken cancellationToken)
        {
            _fleetEngine.Value = engine;
            await stage(output, cancellationToken);
        }

        protected virtual Task BeginProcessingAsync(ICommandOutput output, CancellationToken cancellationToken) => Task.CompletedTask;

        protected virtual Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) => Task.CompletedTask;

        protected virtual Task EndProcessingAsync(ICommandOutput output, CancellationToken cancellationToken) => Task.CompletedTask;

        private void Run(Func<ICommandOutput, CancellationToken, Task> stage)
        {
            try
            {
                EngineDiagnostics? diagnostics = Diagnostics();
                PipelineThreadContext.Run(context => diagnostics == null
                    ? stage(new CmdletOutput(this, context), _stopping.Token)
                    : RunDiagnosedAsync(stage, new CmdletOutput(this, context), diagnostics));
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception e) when (!(e is PipelineStoppedException) && !(e is ActionPreferenceStopException))
            {
                ThrowTerminatingError(ErrorRecords.From(ErrorClassifier.Classify(e, null)));
            }
        }

        // An async method, so that the request listener it installs stays in this stage's flow and is gone from the
        // pipeline thread when it returns.
        private async Task RunDiagnosedAsync(Func<ICommandOutput, CancellationToken, Task> stage, ICommandOutput output, EngineDiagnostics diagnostics)
        {
            using (diagnostics.During(output))
            {
                await stage(output, _stopping.Token);
            }
        }

        /// <summary>Decided once per invocation: null (no cost) unless -Verbose or -Debug, or their preference variables, ask.</summary>
        private EngineDiagnostics? Diagnostics()
        {
            if (!_diagnosticsDecided)
            {
                _diagnosticsDecided = true;
                _diagnostics = DiagnosticStreams.For(this);
            }

            return _diagnostics;
        }

        public void Dispose()
        {
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
