using System.Management.Automation;

namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>What one script run in a <see cref="ModuleSession"/> gave: every stream, and the error that stopped it if one did.</summary>
    public sealed class RunResult
    {
        public RunResult(
            IReadOnlyList<PSObject> output,
            IReadOnlyList<ErrorRecord> errors,
            ErrorRecord? terminating,
            IReadOnlyList<string> warnings,
            IReadOnlyList<string> verbose,
            IReadOnlyList<string> debug,
            IReadOnlyList<InformationRecord> information,
            IReadOnlyList<ProgressRecord>? progress = null)
        {
            Output = output;
            Errors = errors;
            Terminating = terminating;
            Warnings = warnings;
            Verbose = verbose;
            Debug = debug;
            Information = information;
            Progress = progress ?? Array.Empty<ProgressRecord>();
        }

        public IReadOnlyList<PSObject> Output { get; }

        /// <summary>Non-terminating errors, in the order written.</summary>
        public IReadOnlyList<ErrorRecord> Errors { get; }

        /// <summary>The error that ended the script (a terminating error, or one -ErrorAction Stop made so); null when it ran to its end.</summary>
        public ErrorRecord? Terminating { get; }

        public IReadOnlyList<string> Warnings { get; }

        public IReadOnlyList<string> Verbose { get; }

        public IReadOnlyList<string> Debug { get; }

        public IReadOnlyList<InformationRecord> Information { get; }

        /// <summary>Every error: the non-terminating ones, then the one that stopped the script if one did.</summary>
        public IReadOnlyList<ErrorRecord> AllErrors => Errors.Concat(Terminating == null ? Array.Empty<ErrorRecord>() : new[] { Terminating }).ToList();

        /// <summary>Write-Progress records, in the order written.</summary>
        public IReadOnlyList<ProgressRecord> Progress { get; }

        /// <summary>Output as base objects of one type; fails naming what came instead.</summary>
        public IReadOnlyList<T> OutputOf<T>() => Output.Select(item => item.BaseObject is T typed
            ? typed
            : throw new InvalidOperationException($"Expected {typeof(T).Name} output, got {item.BaseObject?.GetType().FullName ?? "null"}: {item}")).ToList();

        /// <summary>The one output object; fails with the run's errors when there is not exactly one.</summary>
        public PSObject Single()
        {
            if (Output.Count != 1)
            {
                throw new InvalidOperationException($"Expected one output object, got {Output.Count}. {Describe()}");
            }

            return Output[0];
        }

        /// <summary>The output as text, one line per object (for scripts ending in Out-String, the rendered view).</summary>
        public string Text => string.Join(Environment.NewLine, Output.Select(item => item?.ToString()));

        /// <summary>The errors, for assertion messages.</summary>
        public string Describe() =>
            "Errors: " + (Errors.Count == 0 && Terminating == null
                ? "none"
                : string.Join(" | ", AllErrors.Select(error => $"{error.FullyQualifiedErrorId} ({error.CategoryInfo.Category}): {error}")));

        /// <summary>Fails when anything was written to the error stream or the script was stopped.</summary>
        public RunResult AssertNoErrors()
        {
            if (Errors.Count > 0 || Terminating != null)
            {
                throw new InvalidOperationException(Describe());
            }

            return this;
        }
    }
}
