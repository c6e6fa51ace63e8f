using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Containers.Engine.Errors;
using Containers.Engine.Tls;
using Containers.Engine.Transport;

namespace Containers.Engine.Configuration
{
    /// <summary>
    /// The docker CLI's context store inside the configuration folder: <c>contexts/meta/HASH/meta.json</c> describes a
    /// context, <c>contexts/tls/HASH/docker/{ca,cert,key}.pem</c> holds its TLS files, where HASH is the lowercase hex
    /// SHA-256 of the context's name. "default" is built in and never stored.
    /// </summary>
    public sealed class DockerContextStore
    {
        public const string DefaultContextName = "default";
        private const string MetaFileName = "meta.json";
        private const string DockerEndpointName = "docker";

        public DockerContextStore(DockerConfigDirectory configDirectory)
        {
            ConfigDirectory = configDirectory;
        }

        public DockerConfigDirectory ConfigDirectory { get; }

        public string MetaRoot => Path.Combine(ConfigDirectory.Path, "contexts", "meta");

        public string TlsRoot => Path.Combine(ConfigDirectory.Path, "contexts", "tls");

        /// <summary>The folder name the docker CLI gives a context: the lowercase hex SHA-256 of its UTF-8 name.</summary>
        public static string DirectoryNameFor(string contextName)
        {
            using SHA256 sha = SHA256.Create();
            byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(contextName));
            var hex = new StringBuilder(hash.Length * 2);
            foreach (byte b in hash)
            {
                hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }

        public string MetaFilePathFor(string contextName) => Path.Combine(MetaRoot, DirectoryNameFor(contextName), MetaFileName);

        public string TlsDirectoryFor(string contextName) => Path.Combine(TlsRoot, DirectoryNameFor(contextName), DockerEndpointName);

        public bool Exists(string contextName) => contextName == DefaultContextName || File.Exists(MetaFilePathFor(contextName));

        /// <summary>The built-in "default" context: the platform's default socket or pipe, without TLS.</summary>
        public static DockerContext Default { get; } = new DockerContext(
            DefaultContextName, "The platform's default engine", EngineEndpoint.PlatformDefault.ToString(), false, null, true, null);

        /// <summary>A context by its exact (case-sensitive) name.</summary>
        /// <param name="origin">Who named the context (one of <see cref="EngineSources"/>), for the error message and <see cref="EngineConfigurationException.Origin"/>.</param>
        /// <exception cref="EngineConfigurationException">No such context, or its meta.json cannot be read.</exception>
        public DockerContext Get(string contextName, string origin = EngineSources.Context)
        {
            if (contextName == DefaultContextName)
            {
                return Default;
            }

            string metaFile = MetaFilePathFor(contextName);
            if (!File.Exists(metaFile))
            {
                throw new EngineConfigurationException(origin, DescribeMissing(contextName, origin, metaFile));
            }

            return Read(metaFile, contextName, origin);
        }

        /// <summary>
        /// Every stored context and "default", sorted by name as <c>docker context ls</c> sorts them, with
        /// <paramref name="currentContextName"/> marked current.
        /// </summary>
        /// <exception cref="EngineConfigurationException">A meta.json cannot be read; the message names it.</exception>
        public IReadOnlyList<DockerContext> List(string? currentContextName)
        {
            var contexts = new List<DockerContext> { Default };
            if (Directory.Exists(MetaRoot))
            {
                foreach (string folder in Directory.GetDirectories(MetaRoot))
                {
                    string metaFile = Path.Combine(folder, MetaFileName);
                    if (File.Exists(metaFile))
                    {
                        contexts.Add(Read(metaFile, null, EngineSources.Context));
                    }
                }
            }

            string current = string.IsNullOrEmpty(currentContextName) ? DefaultContextName : currentContextName!;
            return contexts
                .OrderBy(context => context.Name, StringComparer.Ordinal)
                .Select(context => context.AsCurrent(context.Name == current))
                .ToList();
        }

        /// <summary>
        /// The context's TLS settings, following the docker CLI: TLS is on when the context has a TLS folder or
        /// skip-tls-verify; ca.pem is used when present; cert.pem and key.pem are used only together (one without the
        /// other is ignored, as docker ignores it); the engine is verified unless skip-tls-verify is set. Null when TLS is
        /// off. Whether TLS applies at all (only to tcp://) is the caller's decision.
        /// </summary>
        /// <exception cref="EngineConfigurationException">The files cannot be used; the message names them.</exception>
        public static TlsSettings? LoadTls(DockerContext context, string origin = EngineSources.Context)
        {
            bool verify = !context.SkipTlsVerify;
            if (context.TlsDirectory == null)
            {
                return verify ? null : new TlsSettings(new X509Certificate2Collection(), null, verifyServer: false);
            }

            string directory = context.TlsDirectory;
            bool hasAuthority = File.Exists(Path.Combine(directory, TlsSettings.AuthorityFileName));
            bool hasCertificate = File.Exists(Path.Combine(directory, TlsSettings.CertificateFileName));
            bool hasKey = File.Exists(Path.Combine(directory, TlsSettings.KeyFileName));
            if (verify && !hasAuthority)
            {
                // The docker CLI would fall back to the machine's trust store; our TLS deliberately trusts only ca.pem.
                throw new EngineConfigurationException(origin,
                    $"The docker context '{context.Name}' uses TLS (folder '{directory}') but has no {TlsSettings.AuthorityFileName}. "
                    + "This module verifies the engine's certificate against ca.pem only, not against the machine's trust store. "
                    + $"Put the authority's certificate there as {TlsSettings.AuthorityFileName} (or recreate the context with ca=PATH in --docker), or turn verification off with skip-tls-verify=true.");
            }

            try
            {
                if (hasCertificate == hasKey)
                {
                    return TlsSettings.LoadFromDirectory(directory, verify);
                }

                X509Certificate2Collection authorities = hasAuthority
                    ? ReadAuthorities(Path.Combine(directory, TlsSettings.AuthorityFileName))
                    : new X509Certificate2Collection();
                return new TlsSettings(authorities, null, verify);
            }
            catch (EngineConnectionException e)
            {
                throw new EngineConfigurationException(origin, $"The TLS files of the docker context '{context.Name}' cannot be used: {e.Message}", e);
            }
        }

        private DockerContext Read(string metaFile, string? expectedName, string origin)
        {
            string text;
            try
            {
                text = File.ReadAllText(metaFile);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new EngineConfigurationException(origin, $"The docker context description '{metaFile}' cannot be read: {e.Message}", e);
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"it should hold a JSON object but holds {GoJson.Describe(root.ValueKind)}.");
                }

                // The docker CLI finds a context by the hash of its name, so the name inside can only differ if edited by
                // hand; the name the user asked for is the one the folder answers to.
                string name = expectedName ?? GoJson.GetString(root, "Name")
                    ?? throw new FormatException("it has no \"Name\".");
                string? description = GoJson.TryGetProperty(root, "Metadata", out JsonElement metadata) ? GoJson.GetString(metadata, "Description") : null;

                string? host = null;
                bool skipTlsVerify = false;
                if (GoJson.TryGetProperty(root, "Endpoints", out JsonElement endpoints)
                    && GoJson.TryGetProperty(endpoints, DockerEndpointName, out JsonElement docker)
                    && docker.ValueKind == JsonValueKind.Object)
                {
                    host = GoJson.GetString(docker, "Host") ?? string.Empty;
                    skipTlsVerify = GoJson.GetBoolean(docker, "SkipTLSVerify");
                }

                // The TLS folder shares the meta folder's hash, whatever the name inside says.
                string tlsDirectory = Path.Combine(TlsRoot, Path.GetFileName(Path.GetDirectoryName(metaFile)!), DockerEndpointName);
                return new DockerContext(name, string.IsNullOrEmpty(description) ? null : description, host, skipTlsVerify,
                    Directory.Exists(tlsDirectory) ? tlsDirectory : null, false, metaFile);
            }
            catch (JsonException e)
            {
                throw new EngineConfigurationException(origin, $"The docker context description '{metaFile}' is not valid JSON: {e.Message} Remove the context with `docker context rm` and create it again.", e);
            }
            catch (FormatException e)
            {
                throw new EngineConfigurationException(origin, $"The docker context description '{metaFile}' cannot be used: {e.Message}", e);
            }
        }

        private string DescribeMissing(string contextName, string origin, string metaFile)
        {
            string what = origin switch
            {
                EngineSources.DockerContext => $"DOCKER_CONTEXT names the docker context '{contextName}', which does not exist",
                EngineSources.CurrentContext => $"The current docker context '{contextName}' (currentContext in '{ConfigDirectory.ConfigFilePath}') does not exist",
                _ => $"There is no docker context named '{contextName}'",
            };
            string fix = origin switch
            {
                EngineSources.DockerContext => " Correct or remove DOCKER_CONTEXT.",
                EngineSources.CurrentContext => " Choose another with `docker context use NAME`.",
                _ => string.Empty,
            };
            return $"{what}: '{metaFile}' was not found in the context store '{MetaRoot}'. List the contexts with `docker context ls`.{fix}";
        }

        private static X509Certificate2Collection ReadAuthorities(string path)
        {
            var authorities = new X509Certificate2Collection();
            try
            {
                foreach (PemBlock block in PemBlock.ParseAll(File.ReadAllText(path)))
                {
                    if (block.Label == "CERTIFICATE")
                    {
                        authorities.Add(new X509Certificate2(block.Data));
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is FormatException || e is CryptographicException)
            {
                throw new EngineConnectionException($"'{path}' cannot be read as PEM certificates: {e.Message}", e);
            }

            if (authorities.Count == 0)
            {
                throw new EngineConnectionException($"'{path}' holds no PEM 'CERTIFICATE' block; it should hold the authority (CA) certificates.");
            }

            return authorities;
        }
    }
}
