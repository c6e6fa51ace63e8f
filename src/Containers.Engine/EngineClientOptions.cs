namespace Containers.Engine
{
    /// <summary>Limits and choices for one engine client.</summary>
    public sealed class EngineClientOptions
    {
        /// <summary>The newest API version this client speaks; the engine's own maximum wins when it is lower.</summary>
        public static readonly Version MaximumApiVersion = new Version(1, 45);

        /// <summary>The oldest API version this client speaks (Docker 17.06 and later).</summary>
        public static readonly Version MinimumApiVersion = new Version(1, 30);

        /// <summary>The default of <see cref="RequestTimeout"/>.</summary>
        public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

        /// <summary>
        /// How long an ordinary call waits for the response headers (connecting included); stop and restart wait their
        /// own grace period more. Streams wait for their headers while the engine answers pings, which are bounded by
        /// this too, and have no limit once the headers are in.
        /// </summary>
        public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

        /// <summary>How long a connect may take; a missing socket or pipe fails at once regardless.</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Idle connections kept for reuse; more than this after a parallel burst are closed.</summary>
        public int MaxIdleConnections { get; set; } = 8;

        /// <summary>An idle connection older than this is closed rather than reused.</summary>
        public TimeSpan IdleConnectionLifetime { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>
        /// For ssh:// engines: an ssh config file read instead of ~/.ssh/config (and CONTAINERS_SSH_CONFIG's); null for
        /// the user's own SSH setup, as the docker CLI uses it.
        /// </summary>
        public string? SshConfigFile { get; set; }

        /// <summary>
        /// For ssh:// engines: hosts whose SSH host key the module pinned (the host store's); such a host is reached with
        /// its pinned key, recorded user and key file instead of known_hosts and the user's SSH setup. Null: none.
        /// </summary>
        public Ssh.ISshPinnedHosts? SshPinnedHosts { get; set; }

        /// <summary>A fixed API version (DOCKER_API_VERSION): no negotiation happens when set.</summary>
        public Version? PinnedApiVersion { get; set; }
    }
}
