using System.Text.Json;
using System.Text.Json.Serialization;
using Containers.Engine.Errors;

namespace Containers.Engine.Models
{
    /// <summary>
    /// One value of the engine's JSON message stream (pull, push, build, load, import): a status line, a layer's
    /// progress, a line of build output, an auxiliary result (a build's image id, a push's digest), or an error.
    /// </summary>
    public sealed class JsonMessage
    {
        /// <summary>"Pulling fs layer", "Downloading", "Pushed", ...</summary>
        public string? Status { get; set; }

        /// <summary>The layer (or tag) the status is about.</summary>
        [JsonPropertyName("id")]
        public string? Id { get; set; }

        /// <summary>The engine's own progress bar text; <see cref="ProgressDetail"/> carries the numbers.</summary>
        public string? Progress { get; set; }

        public JsonProgress? ProgressDetail { get; set; }

        /// <summary>Build output, as the build's steps print it (with its own line ends).</summary>
        public string? Stream { get; set; }

        /// <summary>The error text of older engines; <see cref="ErrorDetail"/> has the same with a code.</summary>
        public string? Error { get; set; }

        public JsonError? ErrorDetail { get; set; }

        /// <summary>A result carried beside the progress: <c>{"ID": "sha256:..."}</c> after a build, the digest after a push.</summary>
        public JsonElement? Aux { get; set; }

        /// <summary>True when the engine reported a failure in this message.</summary>
        public bool IsError => ErrorDetail != null || !string.IsNullOrEmpty(Error);

        /// <summary>Throws the failure this message reports, if it reports one: the HTTP status said success, the stream did not.</summary>
        public void ThrowIfError()
        {
            if (!IsError)
            {
                return;
            }

            string message = (ErrorDetail?.Message ?? Error ?? "The engine reported an error without a message.").Trim();
            if (RegistryAuthFailure.Matches(message))
            {
                throw new EngineAuthenticationException(message, null);
            }

            throw new EngineStreamException(message, ErrorDetail?.Code);
        }
    }

    public sealed class JsonProgress
    {
        public long? Current { get; set; }

        public long? Total { get; set; }
    }

    public sealed class JsonError
    {
        /// <summary>The failing step's exit code for a build; often absent.</summary>
        public int? Code { get; set; }

        public string? Message { get; set; }
    }
}
