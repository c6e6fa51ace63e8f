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

        /// <summary>
        /// Stops the engine and removes what provisioning wrote (TLS files, daemon.json, the systemd drop-in), giving back
        /// the host's own files from before; the engine package and its data stay. For removing a host, and for undoing
        /// a provisioning that failed part-way.
        /// </summary>
        public static SshScript Remove(EngineProvisioning locations) =>
            new SshScript(
                "remove the engine's configuration",
                EngineScriptVariables.Write(locations) + RemoteScriptLibrary.Read(RemoteScriptLibrary.StopEngine) + "\n" + RemoteScriptLibrary.Read(RemoteScriptLibrary.RemoveEngineFiles));

        /// <summary>Writes "engine: running" or "engine: stopped"; needs no root.</summary>
        public static SshScript Status(EngineProvisioning locations) =>
            new SshScript("tell the engine's state", EngineScriptVariables.Write(locations) + RemoteScriptLibrary.Read(RemoteScriptLibrary.EngineStatus), asRoot: false);

        /// <summary>The first contact: the login (and sudo) work; writes the kernel's name, the host's FQDN and its addresses.</summary>
        public static SshScript Contact() => new SshScript("contact the host", "set -eu\n" + RemoteScriptLibrary.Read(RemoteScriptLibrary.ContactHost));
    }
}
