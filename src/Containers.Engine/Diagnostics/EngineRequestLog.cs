namespace Containers.Engine.Diagnostics
{
    /// <summary>
    /// Where the client reports each request, for -Debug. The listener is scoped to the asynchronous flow that installs
    /// it: clients are shared by the whole process and every runspace, yet each command sees its own requests only.
    /// Without a listener a request costs one read of an AsyncLocal.
    /// </summary>
    public static class EngineRequestLog
    {
        private static readonly AsyncLocal<Action<EngineRequestRecord>?> Current = new AsyncLocal<Action<EngineRequestRecord>?>();

        /// <summary>Sends the requests of this flow to <paramref name="listener"/> until the scope is disposed.</summary>
        public static IDisposable Listen(Action<EngineRequestRecord> listener)
        {
            var scope = new Scope(Current.Value);
            Current.Value = listener ?? throw new ArgumentNullException(nameof(listener));
            return scope;
        }

        internal static Action<EngineRequestRecord>? Listener => Current.Value;

        /// <summary>Reports a record; a failing listener never fails the request it watches.</summary>
        internal static void Raise(Action<EngineRequestRecord> listener, EngineRequestRecord record)
        {
            try
            {
                listener(record);
            }
            catch (Exception e) when (e is InvalidOperationException || e is ObjectDisposedException)
            {
                // The command that listened has finished; there is nowhere left to write.
            }
        }

        private sealed class Scope : IDisposable
        {
            private readonly Action<EngineRequestRecord>? _previous;

            public Scope(Action<EngineRequestRecord>? previous) => _previous = previous;

            public void Dispose() => Current.Value = _previous;
        }
    }
}
