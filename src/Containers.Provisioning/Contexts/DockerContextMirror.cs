using System.Text;
using System.Text.Json;
using Containers.Engine.Configuration;
using Containers.Engine.Files;
using Containers.Engine.Tls;

namespace Containers.Provisioning.Contexts
{
    /// <summary>
    /// Writes a host as a docker context, the way <c>docker context create NAME --docker
    /// host=tcp://...,ca=...,cert=...,key=...</c> would: <c>contexts/meta/HASH/meta.json</c> and
    /// <c>contexts/tls/HASH/docker/{ca,cert,key}.pem</c> under the docker configuration folder. So <c>docker --context
    /// NAME</c>, and this module's <c>-Engine NAME</c> (which reads contexts through <see cref="DockerContextStore"/>),
    /// reach the host's engine with its client certificate.
    /// </summary>
    public sealed class DockerContextMirror
    {
        /// <summary>The description <c>docker context ls</c> shows, which also marks the contexts this module wrote.</summary>
        public const string DescriptionPrefix = "Containers host ";

        private readonly DockerContextStore _contexts;

        public DockerContextMirror(DockerConfigDirectory configDirectory)
        {
            _contexts = new DockerContextStore(configDirectory ?? throw new ArgumentNullException(nameof(configDirectory)));
        }

        public DockerConfigDirectory ConfigDirectory => _contexts.ConfigDirectory;

        public bool Exists(string name) => File.Exists(_contexts.MetaFilePathFor(name)) || Directory.Exists(TlsFolderFor(name));

        /// <summary>Where the context is described (for messages).</summary>
        public string MetaFilePathFor(string name) => _contexts.MetaFilePathFor(name);

        /// <summary>
        /// Writes (or overwrites) the context. Every file is replaced atomically and owner-only, as the docker CLI writes
        /// them; the TLS files go first and meta.json last, so the context is never listed before its files are there.
        /// </summary>
        public void Write(string name, string engineAddress, string authorityPem, string certificatePem, string keyPem)
        {
            string tls = _contexts.TlsDirectoryFor(name);
            AtomicFile.Write(Path.Combine(tls, TlsSettings.AuthorityFileName), Encoding.ASCII.GetBytes(authorityPem));
            AtomicFile.Write(Path.Combine(tls, TlsSettings.CertificateFileName), Encoding.ASCII.GetBytes(certificatePem));
            AtomicFile.Write(Path.Combine(tls, TlsSettings.KeyFileName), Encoding.ASCII.GetBytes(keyPem));
            AtomicFile.Write(_contexts.MetaFilePathFor(name), WriteMeta(name, engineAddress));
        }

        /// <summary>Removes the context's description, then its TLS files; nothing when it does not exist.</summary>
        public void Remove(string name)
        {
            string meta = Path.GetDirectoryName(_contexts.MetaFilePathFor(name))!;
            if (Directory.Exists(meta))
            {
                Directory.Delete(meta, recursive: true);
            }

            string tls = TlsFolderFor(name);
            if (Directory.Exists(tls))
            {
                Directory.Delete(tls, recursive: true);
            }
        }

        /// <summary>contexts/tls/HASH, which holds the docker endpoint's folder (and would hold other endpoints').</summary>
        private string TlsFolderFor(string name) => Path.GetDirectoryName(_contexts.TlsDirectoryFor(name))!;

        /// <summary>The docker CLI's own layout of meta.json (its Go struct's field names), plus a description.</summary>
        private static byte[] WriteMeta(string name, string engineAddress)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("Name", name);
                writer.WriteStartObject("Metadata");
                writer.WriteString("Description", DescriptionPrefix + name);
                writer.WriteEndObject();
                writer.WriteStartObject("Endpoints");
                writer.WriteStartObject("docker");
                writer.WriteString("Host", engineAddress);
                writer.WriteBoolean("SkipTLSVerify", false);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }
    }
}
