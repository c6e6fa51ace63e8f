using System.Text;
using Containers.Engine.Configuration;
using Containers.Engine.Errors;
using Containers.Engine.Files;
using Containers.Engine.Tls;
using Containers.Provisioning.Certificates;
using Containers.Provisioning.Contexts;

namespace Containers.Provisioning.Store
{
    /// <summary>
    /// The hosts this module made: <c>ROOT/certs/</c> holds the store's own certificate authority (made on first use),
    /// <c>ROOT/hosts/NAME/</c> one folder per host with host.json, the client's ca.pem, cert.pem and key.pem, and the
    /// engine's server-cert.pem and server-key.pem when kept. Nothing inside names an absolute path, so the store can
    /// be moved or copied to another machine. Every file is written atomically and readable by its owner only (0600 on
    /// Linux and macOS; on Windows the files inherit the ACL of the user's profile, which only the user, SYSTEM and
    /// administrators can read). Each host is mirrored as a docker context of the same name.
    /// </summary>
    public sealed class HostStore
    {
        private readonly DockerContextMirror _contexts;

        /// <param name="root">The store's folder; default <see cref="HostStoreLocation.Default"/>.</param>
        /// <param name="contexts">Where hosts are mirrored as docker contexts; default the docker configuration folder of the environment.</param>
        /// <param name="environment">Where the defaults are read; default this process's.</param>
        public HostStore(string? root = null, DockerContextMirror? contexts = null, IEngineEnvironment? environment = null)
        {
            IEngineEnvironment env = environment ?? ProcessEnvironment.Instance;
            Root = Path.GetFullPath(string.IsNullOrWhiteSpace(root) ? HostStoreLocation.Default(env) : root!);
            _contexts = contexts ?? new DockerContextMirror(DockerConfigDirectory.FromEnvironment(env));
        }

        public string Root { get; }

        public DockerContextMirror Contexts => _contexts;

        /// <summary>The key of the authority (when this store makes it) and of the certificates it issues from now on.</summary>
        public CertificateKeyAlgorithm KeyAlgorithm { get; set; } = CertificateKeyAlgorithm.Rsa2048;

        private string HostsRoot => Path.Combine(Root, HostFiles.HostsFolder);

        private string AuthorityRoot => Path.Combine(Root, HostFiles.AuthorityFolder);

        public string HostDirectory(string name) => Path.Combine(HostsRoot, name);

        /// <summary>
        /// The store's authority, made on first use. Its certificate and key are written to a temporary folder that is
        /// then renamed into place, so a reader finds both files or neither, and of two processes making it at once the
        /// second uses the first one's.
        /// </summary>
        /// <exception cref="HostStoreException">The authority's files cannot be read or written.</exception>
        public CertificateAuthority GetAuthority()
        {
            string certificate = Path.Combine(AuthorityRoot, HostFiles.AuthorityCertificate);
            string key = Path.Combine(AuthorityRoot, HostFiles.AuthorityKey);
            Guard(string.Empty, "the certificate authority's folder '" + AuthorityRoot + "'", () =>
            {
                if (Directory.Exists(AuthorityRoot))
                {
                    return;
                }

                using CertificateAuthority made = CertificateAuthority.Create("Containers host store CA", KeyAlgorithm);
                string temporary = NewTemporaryFolder(Root, HostFiles.AuthorityFolder);
                try
                {
                    AtomicFile.Write(Path.Combine(temporary, HostFiles.AuthorityCertificate), Encoding.ASCII.GetBytes(made.CertificatePem));
                    AtomicFile.Write(Path.Combine(temporary, HostFiles.AuthorityKey), Encoding.ASCII.GetBytes(made.KeyPem));
                    Directory.Move(temporary, AuthorityRoot);
                }
                catch (IOException) when (Directory.Exists(AuthorityRoot))
                {
                    // Another process made the authority first: use that one.
                }
                finally
                {
                    DeleteQuietly(temporary);
                }
            });

            try
            {
                return CertificateAuthority.Load(File.ReadAllText(certificate), File.ReadAllText(key));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is FormatException)
            {
                throw new HostStoreException(HostStoreFailure.StoreUnusable, string.Empty,
                    $"The host store's certificate authority ('{certificate}' and '{key}') cannot be used: {e.Message}", e);
            }
        }

        /// <summary>Issues a host's server and client certificates from the store's authority, without writing anything but the authority.</summary>
        /// <exception cref="ArgumentException">A name for the server certificate is neither an IP address nor a DNS name.</exception>
        public HostCertificates IssueCertificates(NewHost host)
        {
            using CertificateAuthority authority = GetAuthority();
            IssuedCertificate server = authority.IssueServer(host.Name, new[] { host.Address }.Concat(host.OtherNames), KeyAlgorithm);
            IssuedCertificate client = authority.IssueClient("client of " + host.Name, KeyAlgorithm);
            var names = SubjectAlternativeNames.From(new[] { host.Address }.Concat(host.OtherNames)).All.ToList();
            return new HostCertificates(authority.CertificatePem, server, client, names);
        }

        /// <summary>Issues the certificates and adds the host: see <see cref="Add(NewHost, HostCertificates)"/>.</summary>
        public HostRecord Add(NewHost host)
        {
            CheckNewName(host.Name);
            return Add(host, IssueCertificates(host));
        }

        /// <summary>
        /// Writes a new host: its folder, made complete under a temporary name and then renamed into place, and its
        /// docker context. A name already used by a host (in any letter case) or by a docker context is refused before
        /// anything is written; when the context cannot be written, the host's folder is removed again.
        /// </summary>
        /// <exception cref="HostStoreException">The name is invalid or in use, or the store cannot be written.</exception>
        public HostRecord Add(NewHost host, HostCertificates certificates)
        {
            CheckNewName(host.Name);
            var record = new HostRecord
            {
                Name = host.Name,
                Driver = host.Driver,
                Address = host.Address,
                EnginePort = host.EnginePort,
                SshPort = host.SshPort,
                DriverSettings = host.DriverSettings?.Clone() ?? HostRecord.EmptyObject(),
                Created = DateTimeOffset.UtcNow,
                ServerNames = certificates.ServerNames,
                ServerCertificateFingerprint = certificates.Server.Fingerprint,
                SshHostKey = host.SshHostKey,
            };

            string folder = HostDirectory(host.Name);
            Guard(host.Name, $"the host folder '{folder}'", () =>
            {
                string temporary = NewTemporaryFolder(HostsRoot, host.Name);
                try
                {
                    WriteText(temporary, HostFiles.AuthorityCertificate, certificates.AuthorityPem);
                    WriteText(temporary, HostFiles.ClientCertificate, certificates.Client.CertificatePem);
                    WriteText(temporary, HostFiles.ClientKey, certificates.Client.KeyPem);
                    if (host.KeepServerKey)
                    {
                        WriteText(temporary, HostFiles.ServerCertificate, certificates.Server.CertificatePem);
                        WriteText(temporary, HostFiles.ServerKey, certificates.Server.KeyPem);
                    }

                    AtomicFile.Write(Path.Combine(temporary, HostFiles.Record), HostRecordJson.Write(record));
                    Directory.Move(temporary, folder);
                }
                catch (IOException) when (Directory.Exists(folder))
                {
                    throw NameInUse(host.Name, $"A host named '{host.Name}' was added to the host store '{Root}' at the same time.");
                }
                finally
                {
                    DeleteQuietly(temporary);
                }
            });

            try
            {
                WriteContext(record);
            }
            catch
            {
                RemoveQuietly(host.Name, folder);
                throw;
            }

            return record;
        }

        /// <summary>Rewrites a host's host.json, atomically (after an address change, a new certificate, a pinned SSH key).</summary>
        /// <exception cref="HostStoreException">No such host, or the file cannot be written.</exception>
        public void Save(HostRecord record)
        {
            string folder = ExistingFolder(record.Name);
            Guard(record.Name, $"'{Path.Combine(folder, HostFiles.Record)}'", () => AtomicFile.Write(Path.Combine(folder, HostFiles.Record), HostRecordJson.Write(record)));
        }

        /// <summary>(Re)writes the host's docker context from its folder's ca.pem, cert.pem and key.pem.</summary>
        public void WriteContext(HostRecord record)
        {
            string folder = ExistingFolder(record.Name);
            Guard(record.Name, $"the docker context '{record.Name}' ('{_contexts.MetaFilePathFor(record.Name)}')", () => _contexts.Write(
                record.Name,
                record.EngineAddress,
                File.ReadAllText(Path.Combine(folder, HostFiles.AuthorityCertificate)),
                File.ReadAllText(Path.Combine(folder, HostFiles.ClientCertificate)),
                File.ReadAllText(Path.Combine(folder, HostFiles.ClientKey))));
        }

        /// <summary>
        /// Issues the host a new server certificate for <paramref name="names"/> (the first is the address clients use
        /// from now on), writes it to the host's folder when the store keeps the server key, and rewrites host.json and
        /// the docker context with the new address. The client certificate stays: it does not name the host.
        /// </summary>
        /// <exception cref="HostStoreException">No such host, or the store cannot be written.</exception>
        /// <exception cref="ArgumentException">A name is neither an IP address nor a DNS name.</exception>
        public HostRecord ReissueServerCertificate(string name, IReadOnlyList<string> names, out IssuedCertificate server, out string authorityPem)
        {
            if (names == null || names.Count == 0)
            {
                throw new ArgumentException("A server certificate needs at least the host's address.", nameof(names));
            }

            HostRecord record = Get(name);
            string folder = ExistingFolder(name);
            using (CertificateAuthority authority = GetAuthority())
            {
                server = authority.IssueServer(record.Name, names, KeyAlgorithm);
                authorityPem = authority.CertificatePem;
            }

            IssuedCertificate issued = server;
            bool kept = File.Exists(Path.Combine(folder, HostFiles.ServerCertificate));
            Guard(name, $"the server certificate in '{folder}'", () =>
            {
                if (kept)
                {
                    // The key first: an engine restarted between the two writes fails on a mismatch rather than serving an old certificate.
                    WriteText(folder, HostFiles.ServerKey, issued.KeyPem);
                    WriteText(folder, HostFiles.ServerCertificate, issued.CertificatePem);
                }
            });

            var updated = new HostRecord
            {
                FormatVersion = HostRecord.CurrentFormatVersion,
                Name = record.Name,
                Driver = record.Driver,
                Address = names[0],
                EnginePort = record.EnginePort,
                SshPort = record.SshPort,
                DriverSettings = record.DriverSettings,
                Created = record.Created,
                ServerNames = SubjectAlternativeNames.From(names).All.ToList(),
                ServerCertificateFingerprint = issued.Fingerprint,
                SshHostKey = record.SshHostKey,
            };
            Save(updated);
            WriteContext(updated);
            return updated;
        }

        public bool Exists(string name) => HostName.IsValid(name, out _) && FindFolderName(name) != null;

        /// <exception cref="HostStoreException">The name is invalid, no host has it, or its host.json cannot be read.</exception>
        public HostRecord Get(string name)
        {
            string folder = ExistingFolder(name);
            string file = Path.Combine(folder, HostFiles.Record);
            try
            {
                HostRecord record = HostRecordJson.Read(File.ReadAllBytes(file));
                if (!string.Equals(record.Name, Path.GetFileName(folder), StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"it names the host '{record.Name}', not '{Path.GetFileName(folder)}' as its folder does.");
                }

                return record;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is FormatException)
            {
                throw new HostStoreException(HostStoreFailure.StoreUnusable, name, $"The record of the host '{name}' ('{file}') cannot be used: {e.Message}", e);
            }
        }

        /// <summary>The names of the hosts, sorted; folders being made or removed, and stray folders, are left out.</summary>
        public IReadOnlyList<string> ListNames()
        {
            if (!Directory.Exists(HostsRoot))
            {
                return Array.Empty<string>();
            }

            return Directory.GetDirectories(HostsRoot)
                .Select(Path.GetFileName)
                .Where(name => HostName.IsValid(name, out _) && File.Exists(Path.Combine(HostsRoot, name, HostFiles.Record)))
                .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
                .ToList()!;
        }

        /// <summary>Every host's record, sorted by name.</summary>
        /// <exception cref="HostStoreException">A record cannot be read; <see cref="ListNames"/> and <see cref="Get"/> report them one by one.</exception>
        public IReadOnlyList<HostRecord> List() => ListNames().Select(Get).ToList();

        /// <summary>TLS for the host's engine: its ca.pem, and the client certificate and key the engine accepts.</summary>
        /// <exception cref="HostStoreException">The files cannot be used.</exception>
        public TlsSettings LoadClientTls(string name)
        {
            string folder = ExistingFolder(name);
            try
            {
                return TlsSettings.LoadFromDirectory(folder, verifyServer: true);
            }
            catch (EngineConnectionException e)
            {
                throw new HostStoreException(HostStoreFailure.StoreUnusable, name, $"The TLS files of the host '{name}' cannot be used: {e.Message}", e);
            }
        }

        /// <summary>
        /// Removes the host's folder and its docker context. The folder is first renamed out of the way (one step), so a
        /// failure part-way never leaves a half-removed host that still lists.
        /// </summary>
        /// <exception cref="HostStoreException">No such host, or its folder cannot be removed.</exception>
        public void Remove(string name)
        {
            string folder = ExistingFolder(name);
            string actualName = Path.GetFileName(folder);
            string doomed = Path.Combine(HostsRoot, HostFiles.TemporaryPrefix + "removing-" + actualName + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Guard(name, $"the host folder '{folder}'", () => Directory.Move(folder, doomed));
            Guard(name, $"the docker context '{actualName}'", () => _contexts.Remove(actualName));
            DeleteQuietly(doomed);
        }

        /// <summary>Refuses a name that is invalid or already used by a host or a docker context, before anything is made.</summary>
        /// <exception cref="HostStoreException">The name is invalid or in use.</exception>
        public void CheckNewName(string name)
        {
            HostName.Validate(name);
            string? existing = FindFolderName(name);
            if (existing != null)
            {
                throw NameInUse(name, $"The host store '{Root}' already has a host named '{existing}'. Choose another name, or remove that host first.");
            }

            if (_contexts.Exists(name))
            {
                throw NameInUse(name, $"A docker context named '{name}' already exists ('{_contexts.MetaFilePathFor(name)}'), and each host is also written as a docker context of its name. Choose another name, or remove the context with `docker context rm {name}`.");
            }
        }

        /// <summary>The host's folder name in the store, matched without regard to case (as Windows folders are).</summary>
        private string? FindFolderName(string name) =>
            ListNames().FirstOrDefault(existing => string.Equals(existing, name, StringComparison.OrdinalIgnoreCase));

        private string ExistingFolder(string name)
        {
            HostName.Validate(name);
            string? existing = FindFolderName(name);
            if (existing == null)
            {
                throw new HostStoreException(HostStoreFailure.NotFound, name, $"The host store '{Root}' has no host named '{name}'.");
            }

            return HostDirectory(existing);
        }

        private static HostStoreException NameInUse(string name, string message) => new HostStoreException(HostStoreFailure.NameInUse, name, message);

        private static void WriteText(string folder, string file, string text) => AtomicFile.Write(Path.Combine(folder, file), Encoding.ASCII.GetBytes(text));

        /// <summary>A new owner-only folder beside <paramref name="parent"/>'s entries whose name no host can have.</summary>
        private string NewTemporaryFolder(string parent, string forName)
        {
            EnsureOwnerOnlyFolder(Root);
            EnsureOwnerOnlyFolder(parent);
            string temporary = Path.Combine(parent, HostFiles.TemporaryPrefix + "new-" + forName + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(temporary);
            UnixFileModes.MakeOwnerOnlyDirectory(temporary);
            return temporary;
        }

        /// <summary>Only a folder made here is made owner-only: an existing folder the user chose as the root keeps its mode.</summary>
        private static void EnsureOwnerOnlyFolder(string folder)
        {
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                UnixFileModes.MakeOwnerOnlyDirectory(folder);
            }
        }

        private void RemoveQuietly(string name, string folder)
        {
            try
            {
                _contexts.Remove(name);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // The error that made us undo matters more.
            }

            DeleteQuietly(folder);
        }

        private static void DeleteQuietly(string folder)
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // A leftover temporary folder is skipped by every listing; the caller's own error matters more.
            }
        }

        private static void Guard(string name, string what, Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new HostStoreException(HostStoreFailure.StoreUnusable, name, $"Writing {what} failed: {e.Message}", e);
            }
        }
    }
}
