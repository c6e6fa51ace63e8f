namespace Containers.Engine.Configuration
{
    /// <summary>
    /// The settings that choose an engine are wrong: an address that does not parse, an unknown context, a malformed
    /// config.json or meta.json, a bad DOCKER_API_VERSION, unusable TLS files. Every error of engine resolution is this
    /// type, raised before anything is sent to an engine. It is an <see cref="ArgumentException"/> because the fix is
    /// always a different input; <see cref="Origin"/> says which input, so a caller can blame its own parameter when the
    /// origin is <see cref="EngineSources.Parameter"/> or <see cref="EngineSources.Context"/>.
    /// </summary>
    public class EngineConfigurationException : ArgumentException
    {
        public EngineConfigurationException(string origin, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Origin = origin;
        }

        /// <summary>
        /// The setting at fault: one of <see cref="EngineSources"/> (the engine was chosen by it), or the name of the
        /// variable (<see cref="EngineVariables"/>) that is wrong on its own, such as DOCKER_API_VERSION or DOCKER_CERT_PATH.
        /// </summary>
        public string Origin { get; }
    }
}
