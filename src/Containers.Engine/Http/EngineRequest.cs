using Containers.Engine.Errors;

namespace Containers.Engine.Http
{
    /// <summary>How long a call may wait for the engine's response headers.</summary>
    public enum ResponseTimeout
    {
        /// <summary>The client's ordinary limit (<see cref="EngineClientOptions.RequestTimeout"/>).</summary>
        Default,

        /// <summary>
        /// No fixed limit: logs, events, stats, wait, attach, archives, build, pull, push, load and save (and answers that
        /// wait for the engine's work, such as disk usage) run as long as they run. Their head is still awaited only while
        /// the engine answers pings (<see cref="HeadDeadline"/>), so a frozen engine ends the wait within the ordinary limit.
        /// </summary>
        None,

        /// <summary>The ordinary limit plus <see cref="EngineRequest.ExtraTime"/>: stop and restart wait their own grace period first.</summary>
        Extended,
    }

    /// <summary>One call to the engine: method, path (without the version prefix), query, headers and body.</summary>
    public sealed class EngineRequest
    {
        public EngineRequest(string method, string path)
        {
            Method = method;
            Path = path;
        }

        public string Method { get; }

        /// <summary>The path under <c>/v{X.Y}</c>, starting with a slash.</summary>
        public string Path { get; }

        public QueryString Query { get; } = new QueryString();

        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public RequestContent? Content { get; set; }

        /// <summary>False for <c>/_ping</c>, which is asked before any version is known.</summary>
        public bool Versioned { get; set; } = true;

        public ResponseTimeout Timeout { get; set; }

        public TimeSpan ExtraTime { get; set; }

        /// <summary>
        /// The body is a long stream of small writes (the log stream): on a unix socket it is read on a connection of its
        /// own, opened for this request and closed after it, and used with blocking calls only, so the body blocks the
        /// thread that reads it. Far faster there (see <see cref="Transport.IBlockingStreamConnector"/>); elsewhere
        /// (named pipes, TCP, TLS) the request takes a pooled connection as usual. Never for hijacked attach and exec
        /// streams, whose readers and writers run as continuations that a blocked thread could starve.
        /// </summary>
        public bool ReadBodyOnDedicatedBlockingConnection { get; set; }

        /// <summary>
        /// The answer comes back whatever its status, for the caller to judge (the ping, which must tell an engine from
        /// another server before any error of the engine's can be believed).
        /// </summary>
        internal bool AnswerAnyStatus { get; set; }

        /// <summary>
        /// The answer is short and comes at once, whatever the caller does meanwhile (a listing, an inspect): on a unix
        /// socket the request goes over a kept-alive connection used with blocking calls only, from a pool of its own (an
        /// asynchronous call would register the socket with the runtime's epoll thread; see
        /// <see cref="Transport.IBlockingStreamConnector"/>). The calling thread then waits in the kernel for the answer
        /// instead of being woken by a continuation the thread pool posts back to the cmdlet's pipeline thread: two
        /// thread hand-offs less per call, which on a loaded machine took longer than the round trip itself
        /// (bench/Measure-Cmdlets.ps1). Never for answers that wait on the caller or on events (wait, attach, exec,
        /// events, followed logs, pulls and builds): the blocked thread would pump nothing else until they came.
        /// </summary>
        public bool ShortAnswerOnBlockingConnection { get; set; }

        /// <summary>What a 404 on this call would be about.</summary>
        public EngineResourceKind ResourceKind { get; set; }

        public string? ResourceId { get; set; }

        public EngineRequest About(EngineResourceKind kind, string? id)
        {
            ResourceKind = kind;
            ResourceId = id;
            return this;
        }
    }
}
