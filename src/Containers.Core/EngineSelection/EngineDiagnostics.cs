using System.Globalization;
using Containers.Engine.Diagnostics;
using Containers.Models;
using Containers.Output;

namespace Containers.EngineSelection
{
    /// <summary>
    /// What -Verbose and -Debug show about the engines one command invocation talks to: under -Verbose, a line saying
    /// what the command does on which engine; under -Debug, which engine was chosen and why, the API version in use, and
    /// each request's method, path, status and time. Nothing else of a request is shown: query strings, headers and
    /// bodies carry filters, registry logins (X-Registry-Auth) and secrets.
    /// </summary>
    public sealed class EngineDiagnostics
    {
        private readonly string _command;
        private readonly bool _verbose;
        private readonly bool _debug;
        private readonly object _lock = new object();
        private readonly HashSet<string> _chosen = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _versions = new HashSet<string>(StringComparer.Ordinal);
        private ICommandOutput? _output;

        public EngineDiagnostics(string command, bool verbose, bool debug)
        {
            _command = command;
            _verbose = verbose;
            _debug = debug;
        }

        /// <summary>
        /// Writes to <paramref name="output"/> during one stage of the command (begin, each record, end) and, under
        /// -Debug, listens to the requests of that stage's flow. Dispose it when the stage ends.
        /// </summary>
        public IDisposable During(ICommandOutput output)
        {
            _output = output;
            return _debug ? EngineRequestLog.Listen(record => OnRequest(output, record)) : NoScope.Instance;
        }

        /// <summary>Says once per engine which one the command acts on and, under -Debug, why.</summary>
        public void Chosen(ContainerEngine engine, string reason)
        {
            lock (_lock)
            {
                if (!_chosen.Add(engine.Name + "|" + engine.Uri))
                {
                    return;
                }
            }

            ICommandOutput? output = _output;
            if (output == null)
            {
                return;
            }

            if (_verbose)
            {
                output.WriteVerbose($"{_command} on the engine{Named(engine)} at {engine.Uri}.");
            }

            if (_debug)
            {
                output.WriteDebug($"Engine{Named(engine)} at {engine.Uri}{(engine.UsesTls ? " over TLS" : string.Empty)}, chosen by {reason}.");
            }
        }

        // An engine chosen by its address is named by it: say it once.
        private static string Named(ContainerEngine engine) => engine.Name == engine.Uri ? string.Empty : " '" + engine.Name + "'";

        /// <summary>A request's debug line; before the first versioned one to an engine, the API version and how it was chosen.</summary>
        private void OnRequest(ICommandOutput output, EngineRequestRecord record)
        {
            bool firstVersioned;
            lock (_lock)
            {
                firstVersioned = record.ApiVersion != null && _versions.Add(record.Engine);
            }

            if (firstVersioned)
            {
                output.WriteDebug($"API version {record.ApiVersion} with {record.Engine}: {record.ApiVersionChoice}.");
            }

            string answer = record.Status is { } status
                ? ((int)status).ToString(CultureInfo.InvariantCulture) + " " + status
                : "no answer (" + record.Failure + ")";
            output.WriteDebug(string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2} in {3:0.0} ms ({4}).", record.Method, record.Path, answer, record.Elapsed.TotalMilliseconds, record.Engine));
        }

        private sealed class NoScope : IDisposable
        {
            public static readonly NoScope Instance = new NoScope();

            public void Dispose()
            {
            }
        }
    }
}
