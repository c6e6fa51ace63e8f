using System.Collections.Concurrent;
using Containers.Output;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// The test side of the seam: records everything a command writes, and answers ShouldProcess as -WhatIf or -Confirm
    /// would. Thread-safe, because a command may write from continuations.
    /// </summary>
    public sealed class RecordingOutput : ICommandOutput
    {
        private readonly ConcurrentQueue<object> _objects = new ConcurrentQueue<object>();
        private readonly ConcurrentQueue<CommandError> _errors = new ConcurrentQueue<CommandError>();
        private readonly ConcurrentQueue<string> _warnings = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> _verbose = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<ProgressUpdate> _progress = new ConcurrentQueue<ProgressUpdate>();
        private readonly ConcurrentQueue<string> _information = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<(string Message, string[] Tags)> _tagged = new ConcurrentQueue<(string, string[])>();
        private readonly ConcurrentQueue<(string Target, string Action)> _asked = new ConcurrentQueue<(string, string)>();
        private readonly ConcurrentQueue<(string Query, string Caption)> _questions = new ConcurrentQueue<(string, string)>();
        private readonly ConcurrentQueue<int> _writingThreads = new ConcurrentQueue<int>();

        /// <summary>False acts like -WhatIf (or answering No to -Confirm).</summary>
        public bool Approve { get; set; } = true;

        /// <summary>The answer to ShouldContinue; false is a No.</summary>
        public bool Continue { get; set; } = true;

        /// <summary>False acts like a session that cannot prompt (-NonInteractive, a hosted runspace): ShouldContinue throws.</summary>
        public bool CanPrompt { get; set; } = true;

        public int? ExitCode { get; private set; }

        public IReadOnlyList<object> Objects => _objects.ToList();

        public IReadOnlyList<T> ObjectsOf<T>() => _objects.OfType<T>().ToList();

        public IReadOnlyList<CommandError> Errors => _errors.ToList();

        public IReadOnlyList<string> Warnings => _warnings.ToList();

        public IReadOnlyList<string> Verbose => _verbose.ToList();

        public IReadOnlyList<ProgressUpdate> Progress => _progress.ToList();

        public IReadOnlyList<string> Information => _information.ToList();

        /// <summary>Information messages with the tags they were written with.</summary>
        public IReadOnlyList<(string Message, string[] Tags)> TaggedInformation => _tagged.ToList();

        public IReadOnlyList<(string Target, string Action)> Asked => _asked.ToList();

        /// <summary>The ShouldContinue questions, asked or (with <see cref="CanPrompt"/> false) attempted.</summary>
        public IReadOnlyList<(string Query, string Caption)> Questions => _questions.ToList();

        /// <summary>The managed thread id of every object, error and progress write: PowerShell takes them from the pipeline thread only.</summary>
        public IReadOnlyList<int> WritingThreads => _writingThreads.ToList();

        public void WriteObject(object value)
        {
            _writingThreads.Enqueue(Environment.CurrentManagedThreadId);
            _objects.Enqueue(value);
        }

        public void WriteError(CommandError error)
        {
            _writingThreads.Enqueue(Environment.CurrentManagedThreadId);
            _errors.Enqueue(error);
        }

        public void WriteWarning(string message) => _warnings.Enqueue(message);

        public void WriteVerbose(string message) => _verbose.Enqueue(message);

        public void WriteDebug(string message)
        {
        }

        public void WriteProgress(ProgressUpdate progress)
        {
            _writingThreads.Enqueue(Environment.CurrentManagedThreadId);
            _progress.Enqueue(progress);
        }

        public void WriteInformation(string message, params string[] tags)
        {
            _information.Enqueue(message);
            _tagged.Enqueue((message, tags));
        }

        public bool ShouldProcess(string target, string action)
        {
            _asked.Enqueue((target, action));
            return Approve;
        }

        public bool ShouldContinue(string query, string caption)
        {
            _questions.Enqueue((query, caption));
            return CanPrompt ? Continue : throw new ConfirmationUnavailableException("the test says nobody can answer", new InvalidOperationException("no prompt"));
        }

        public void SetExitCode(int exitCode) => ExitCode = exitCode;
    }
}
