using System.Net;

namespace Containers.Engine.Diagnostics
{
    /// <summary>
    /// One request as a debug line shows it: what was asked (method and path, never the query string, headers or body,
    /// which carry filters, registry logins and secrets), what answered and how long the answer took to begin.
    /// </summary>
    public sealed class EngineRequestRecord
    {
        public EngineRequestRecord(string engine, string method, string path, HttpStatusCode? status, TimeSpan elapsed, string? failure, string? apiVersion, string? apiVersionChoice)
        {
            Engine = engine;
            Method = method;
            Path = path;
            Status = status;
            Elapsed = elapsed;
            Failure = failure;
            ApiVersion = apiVersion;
            ApiVersionChoice = apiVersionChoice;
        }

        /// <summary>The engine's address.</summary>
        public string Engine { get; }

        public string Method { get; }

        /// <summary>The path as sent, with its version prefix.</summary>
        public string Path { get; }

        /// <summary>The answer's status; null when none came.</summary>
        public HttpStatusCode? Status { get; }

        /// <summary>From sending the request to the end of the answer's headers (a body may stream on for long after).</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>Why no answer came (the kind of failure), when none did.</summary>
        public string? Failure { get; }

        /// <summary>The API version in the path; null for the unversioned ping.</summary>
        public string? ApiVersion { get; }

        /// <summary>How that version was chosen: pinned, or negotiated from what the engine offers.</summary>
        public string? ApiVersionChoice { get; }
    }
}
