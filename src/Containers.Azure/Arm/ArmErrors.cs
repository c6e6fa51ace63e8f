using System.Text;
using System.Text.Json;

namespace Containers.Azure.Arm
{
    /// <summary>Azure's own error out of an ARM response ({error:{code,message,details:[...]}}), which names what failed.</summary>
    internal static class ArmErrors
    {
        /// <summary>A refused request: "what (status): Code: message", or the status line when the body is not JSON.</summary>
        public static ArmRequestException Failure(ArmReply reply, string what)
        {
            string? code = null;
            string message = reply.ReasonPhrase;
            try
            {
                using JsonDocument document = JsonDocument.Parse(reply.Body);
                (code, message) = ErrorOf(document.RootElement);
            }
            catch (JsonException)
            {
                // Not JSON (or empty): the status line is all there is.
            }

            if (message.Length == 0)
            {
                message = reply.Body.Length == 0 ? reply.ReasonPhrase : Encoding.UTF8.GetString(reply.Body);
            }

            return new ArmRequestException($"{what} ({reply.Status}): {message}", reply.Status, code);
        }

        /// <summary>"Code: message" with the first details, which say which resource failed.</summary>
        public static (string? Code, string Message) ErrorOf(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return (null, string.Empty);
            }

            JsonElement error = element.TryGetProperty("error", out JsonElement inner) && inner.ValueKind == JsonValueKind.Object ? inner : element;
            string? code = error.TryGetProperty("code", out JsonElement c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            string message = error.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? string.Empty : string.Empty;
            var parts = new List<string> { code == null ? message : $"{code}: {message}" };
            if (error.TryGetProperty("details", out JsonElement details) && details.ValueKind == JsonValueKind.Array)
            {
                parts.AddRange(details.EnumerateArray().Take(3).Select(detail => ErrorOf(detail)).Select(d => d.Code == null ? d.Message : $"{d.Code}: {d.Message}"));
            }

            return (code, string.Join(" ", parts.Where(p => p.Length > 0)));
        }
    }
}
