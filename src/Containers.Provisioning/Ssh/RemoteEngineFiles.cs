namespace Containers.Provisioning.Ssh
{
    /// <summary>The names of the files provisioning writes into the engine's configuration folder (/etc/docker), as Docker's documentation names them.</summary>
    public static class RemoteEngineFiles
    {
        public const string Authority = "ca.pem";
        public const string ServerCertificate = "server-cert.pem";
        public const string ServerKey = "server-key.pem";
        public const string DaemonConfiguration = "daemon.json";
    }
}
