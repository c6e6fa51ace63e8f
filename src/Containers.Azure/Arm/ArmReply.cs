using System.Globalization;
using System.Text.Json;
using Azure;

namespace Containers.Azure.Arm
{
    /// <summary>
    /// One ARM response, read whole before its message is disposed (Azure.Core disposes a Response with its HttpMessage,
    /// so nothing here reads one later). Holds only what the callers here read: status, body and the
    /// long-running-operation headers.
    /// </summary>
    public sealed class ArmReply
    {
        private ArmReply(int status, string reasonPhrase, byte[] body, string? asyncOperation, string? location, TimeSpan? retryAfter)
        {
            Status = status;
            ReasonPhrase = reasonPhrase;
            Body = body;
            AsyncOperation = asyncOperation;
            Location = location;
            RetryAfter = retryAfter;
        }

        public int Status { get; }

        public string ReasonPhrase { get; }

        public byte[] Body { get; }

        /// <summary>The Azure-AsyncOperation URL: its body says InProgress, Succeeded, Failed or Canceled, with Azure's error.</summary>
        public string? AsyncOperation { get; }

        /// <summary>The Location URL: 202 while the operation runs, then the result.</summary>
        public string? Location { get; }

        /// <summary>How long Azure asks to be left alone before the next poll, when it says.</summary>
        public TimeSpan? RetryAfter { get; }

        public static ArmReply From(Response response)
        {
            byte[] body = response.ContentStream == null ? Array.Empty<byte>() : response.Content.ToArray();
            return new ArmReply(response.Status, response.ReasonPhrase, body, Header(response, "Azure-AsyncOperation"), Header(response, "Location"), RetryAfterOf(Header(response, "Retry-After")));
        }

        public JsonDocument Json() => JsonDocument.Parse(Body.Length == 0 ? new byte[] { (byte)'{', (byte)'}' } : Body);

        /// <summary>Retry-After as seconds or as an HTTP date (RFC 7231 allows both); a date in the past means now.</summary>
        internal static TimeSpan? RetryAfterOf(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset when))
            {
                TimeSpan wait = when - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        private static string? Header(Response response, string name) =>
            response.Headers.TryGetValue(name, out string? value) && !string.IsNullOrEmpty(value) ? value : null;
    }
}
