namespace Containers.Engine.Configuration
{
    /// <summary>The environment variables the docker CLI reads to choose and reach an engine; we read the same ones.</summary>
    public static class EngineVariables
    {
        /// <summary>The engine's address; wins over every context except one named explicitly.</summary>
        public const string DockerHost = "DOCKER_HOST";

        /// <summary>A context name; wins over config.json's currentContext.</summary>
        public const string DockerContext = "DOCKER_CONTEXT";

        /// <summary>The docker configuration folder; ~/.docker when unset.</summary>
        public const string DockerConfig = "DOCKER_CONFIG";

        /// <summary>Any non-empty value (even "0") turns TLS on and verifies the engine's certificate.</summary>
        public const string DockerTlsVerify = "DOCKER_TLS_VERIFY";

        /// <summary>Any non-empty value turns TLS on without verifying the engine's certificate.</summary>
        public const string DockerTls = "DOCKER_TLS";

        /// <summary>The folder with ca.pem, cert.pem and key.pem; the docker configuration folder when unset.</summary>
        public const string DockerCertPath = "DOCKER_CERT_PATH";

        /// <summary>A fixed API version such as 1.41; no negotiation happens when it is set.</summary>
        public const string DockerApiVersion = "DOCKER_API_VERSION";
    }
}
