using System.Net;
using System.Text;
using System.Text.Json;

namespace Containers.Engine.Errors
{
    /// <summary>The one place where an engine error response becomes a typed exception.</summary>
    public static class ErrorMapper
    {
        /// <summary>
        /// Reads the engine's message: <c>{"message": ...}</c> from JSON bodies, the text itself otherwise
        /// (the "client version is too old" answer is text/plain, and HEAD has no body at all).
        /// </summary>
        public static string ReadMessage(byte[] body, string? contentType, HttpStatusCode status)
        {
            string text = Encoding.UTF8.GetString(body).Trim();
            if (text.Length > 0 && contentType != null && contentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                try
                {
                    using var document = JsonDocument.Parse(body);
                    if (document.RootElement.ValueKind == JsonValueKind.Object
                        && document.RootElement.TryGetProperty("message", out JsonElement message)
                        && message.ValueKind == JsonValueKind.String)
                    {
                        return message.GetString() ?? text;
                    }
                }
                catch (JsonException)
                {
                    // Not the JSON it claimed to be: the text is still the best message there is.
                }
            }

            return text.Length > 0 ? text : $"The engine answered {(int)status} {status} with no message.";
        }

        public static EngineException FromResponse(HttpStatusCode status, string message, EngineResourceKind resourceKind, string? resourceId)
        {
            if (IsVersionMismatch(message))
            {
                return new EngineApiVersionException(message, status);
            }

            switch ((int)status)
            {
                case 400:
                    return new EngineBadRequestException(message);
                case 401:
                case 403:
                    return new EngineAuthenticationException(message, status);
                case 404:
                    return new EngineNotFoundException(message, InferKind(message, resourceKind), resourceId);
                case 409:
                    return new EngineConflictException(message);
                case 500 when IsNotPaused(message):
                    // dockerd 20.10 answers an unpause of a container that is not paused with a 500, where pausing one
                    // twice is a 409: both are the container's state refusing the call.
                    return new EngineConflictException(message);
                case 500 when IsInvalidFilter(message):
                    // dockerd 20.10 refuses a network listing's bad 'type' filter value with a 500 ("invalid filter:
                    // 'type'='x'"), where every other listing's bad filter is a 400: both are the request, not the engine.
                    return new EngineBadRequestException(message);
                case 500 when RegistryAuthFailure.Matches(message):
                    return new EngineAuthenticationException(message, status);
                case 500:
                case 501:
                case 503:
                    return new EngineServerException(message, status);
                default:
                    return new EngineException(message, status);
            }
        }

        private static bool IsNotPaused(string message) =>
            message.StartsWith("Container ", StringComparison.Ordinal) && message.EndsWith(" is not paused", StringComparison.Ordinal);

        private static bool IsInvalidFilter(string message) =>
            message.StartsWith("invalid filter", StringComparison.OrdinalIgnoreCase);

        private static bool IsVersionMismatch(string message) =>
            message.IndexOf("client version", StringComparison.OrdinalIgnoreCase) >= 0
            && (message.IndexOf("too old", StringComparison.OrdinalIgnoreCase) >= 0
                || message.IndexOf("too new", StringComparison.OrdinalIgnoreCase) >= 0);

        // A 404 on a container call can be about its image (create with a missing image), a network, or the container's
        // network sandbox (a rename); one on a network connect or disconnect can be about the container.
        private static EngineResourceKind InferKind(string message, EngineResourceKind requested)
        {
            if (requested == EngineResourceKind.Secret || requested == EngineResourceKind.Config)
            {
                // Their 404 is about them whatever the name holds: "secret db-network-key not found" is no network.
                return requested;
            }

            if (message.StartsWith("No such image", StringComparison.OrdinalIgnoreCase))
            {
                return EngineResourceKind.Image;
            }

            if (message.StartsWith("No such container", StringComparison.OrdinalIgnoreCase))
            {
                return EngineResourceKind.Container;
            }

            if (message.StartsWith("sandbox ", StringComparison.OrdinalIgnoreCase)
                && message.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return EngineResourceKind.NetworkSandbox;
            }

            if (message.IndexOf("network", StringComparison.OrdinalIgnoreCase) >= 0
                && message.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return EngineResourceKind.Network;
            }

            return requested;
        }
    }
}
