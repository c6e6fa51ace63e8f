using System.Globalization;
using System.Text.Json;

namespace Containers.Engine.Registries
{
    /// <summary>How a registry's (or its token service's) answer reads in a message: its status, and its own explanation.</summary>
    internal static class RegistryAnswer
    {
        private const int MaxQuotedAnswer = 300;

        /// <summary><c>HTTP 401 Unauthorized</c>.</summary>
        public static string Describe(HttpResponseMessage answer) =>
            "HTTP " + ((int)answer.StatusCode).ToString(CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(answer.ReasonPhrase) ? string.Empty : " " + answer.ReasonPhrase);

        public static async Task<string> QuoteAsync(HttpResponseMessage answer) => Quote(await answer.Content.ReadAsStringAsync().ConfigureAwait(false));

        /// <summary>
        /// " It said: ..." with the registry's own explanation, from the error JSON registries and token services send
        /// (<c>errors[0].message</c>, <c>details</c>, <c>error_description</c>, <c>error</c>); empty when there is none.
        /// </summary>
        public static string Quote(string body)
        {
            string? said = null;
            try
            {
                using JsonDocument document = JsonDocument.Parse(body);
                JsonElement root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
                {
                    said = ReadString(errors[0], "message");
                }

                said ??= ReadString(root, "details") ?? ReadString(root, "error_description") ?? ReadString(root, "error");
            }
            catch (JsonException)
            {
                said = body.Trim();
            }

            if (string.IsNullOrEmpty(said))
            {
                return string.Empty;
            }

            return " It said: " + (said!.Length > MaxQuotedAnswer ? said.Substring(0, MaxQuotedAnswer) + "..." : said);
        }

        public static string? ReadString(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
