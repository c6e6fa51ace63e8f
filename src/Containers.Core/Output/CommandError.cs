namespace Containers.Output
{
    /// <summary>An error as a PowerShell user sees it: a stable id, a category, a message that names the problem, and what it was about.</summary>
    public sealed class CommandError
    {
        public CommandError(string errorId, ErrorKind kind, string message, object? target, Exception? exception = null, string? recommendedAction = null)
        {
            ErrorId = errorId;
            Kind = kind;
            Message = message;
            Target = target;
            Exception = exception ?? new InvalidOperationException(message);
            RecommendedAction = recommendedAction;
        }

        /// <summary>Stable across releases: scripts match on it (<c>$_.FullyQualifiedErrorId</c>).</summary>
        public string ErrorId { get; }

        public ErrorKind Kind { get; }

        public string Message { get; }

        public object? Target { get; }

        public Exception Exception { get; }

        public string? RecommendedAction { get; }

        public override string ToString() => $"{ErrorId} ({Kind}): {Message}";
    }
}
