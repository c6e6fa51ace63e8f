namespace Containers.Provisioning.Ssh
{
    /// <summary>
    /// Starting and stopping an engine that <see cref="EngineProvisioningScript"/> provisioned, without touching its
    /// files: for starting, stopping and removing a host. The locations must be those it was provisioned with; the
    /// TLS contents of <see cref="EngineProvisioning"/> are not used.
    /// </summary>
    public static class EngineControlScript
    {
        /// <summary>(Re)starts the engine with the files already on the host, and waits for it as provisioning does.</summary>
        public static SshScript Start(EngineProvisioning locations) =>
            new SshScript("start the engine", EngineScriptVariables.Write(locations) + RemoteScriptLibrary.Read(RemoteScriptLibrary.StartEngine));

        /// <summary>Stops the engine; an engine that is not running is not an error.</summary>
        public static SshScript Stop(EngineProvisioning locations) =>
            new SshScript("stop the engine", EngineScriptVariables.Write(locations) + RemoteScriptLibrary.Read(RemoteScriptLibrary.StopEngine));
    }
}
