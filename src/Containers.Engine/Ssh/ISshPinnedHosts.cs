namespace Containers.Engine.Ssh
{
    /// <summary>
    /// Hosts whose SSH host key the module pinned itself (the hosts of its host store), with the user and key file
    /// recorded for them: an ssh:// engine on such a host is reached with that pin rather than known_hosts.
    /// </summary>
    public interface ISshPinnedHosts
    {
        /// <summary>The pinned connection of the host at this address and SSH port; null when it is none of them.</summary>
        SshConnection? Find(string address, int port);
    }
}
