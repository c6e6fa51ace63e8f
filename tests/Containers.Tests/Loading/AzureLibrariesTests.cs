using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using Containers.PowerShell.Loading;
using Containers.Provisioning.AzureTokens;
using Containers.Provisioning.Drivers;
using Xunit;

namespace Containers.Tests.Loading
{
    /// <summary>
    /// The Azure folder, as build.ps1 lays it out (the test build copies it to Azure/ beside the tests), loaded through
    /// the module's loader into a collectible context: Azure.Core stays out of the default context, the boundary types
    /// are shared, and an older Azure.Core already in the default context (as Az.Accounts may bring) changes nothing.
    /// </summary>
    public sealed class AzureLibrariesTests
    {
        private static string Folder => Path.Combine(AppContext.BaseDirectory, AzureLibraries.FolderName);

        [Fact]
        public void The_folder_holds_the_Azure_libraries_but_not_the_boundary()
        {
            string[] files = Directory.GetFiles(Folder, "*.dll").Select(Path.GetFileName).ToArray()!;
            Assert.Contains("Containers.Azure.dll", files);
            Assert.Contains("Azure.Core.dll", files);
            Assert.Contains("Azure.Identity.dll", files);
            Assert.Contains("Azure.ResourceManager.dll", files);
            Assert.DoesNotContain("Azure.ResourceManager.Compute.dll", files); // VM power goes as raw ARM requests: one assembly fewer to load
            Assert.DoesNotContain("Containers.Core.dll", files);
            Assert.DoesNotContain("Containers.Provisioning.dll", files);
            Assert.DoesNotContain("Containers.Engine.dll", files);
            Assert.DoesNotContain("Containers.dll", files);
            Assert.DoesNotContain("System.Text.Json.dll", files); // the module's own folder ships it: one JsonElement for everyone
        }

        [Fact]
        public void The_driver_references_Provisioning_and_the_engine_client_but_not_Core()
        {
            using var pe = new PEReader(File.OpenRead(Path.Combine(Folder, AzureLibraries.EntryAssembly + ".dll")));
            MetadataReader metadata = pe.GetMetadataReader();
            string[] references = metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToArray();
            Assert.Contains("Containers.Provisioning", references);
            Assert.Contains("Containers.Engine", references);
            Assert.DoesNotContain("Containers.Core", references);
            Assert.DoesNotContain("Containers", references);
        }

        [Fact]
        public void The_cmdlet_assembly_does_not_reference_Azure()
        {
            AssemblyName[] references = typeof(AzureLibraries).Assembly.GetReferencedAssemblies();
            Assert.DoesNotContain(references, r => r.Name!.StartsWith("Azure", StringComparison.OrdinalIgnoreCase) || r.Name == "Containers.Azure");
        }

        [Fact]
        public async Task The_Azure_libraries_load_in_their_own_context_beside_another_Azure_Core()
        {
            // First with nothing of Azure in the default context: afterwards there still is none.
            await LoadGetTokenAndUnloadAsync();
            Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "Azure.Core");

            // Then with an older Azure.Core in the default context, as another module may have loaded it.
            Version other = LoadOtherAzureCore();
            Assert.Contains(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "Azure.Core" && a.GetName().Version == other);
            Version ours = await LoadGetTokenAndUnloadAsync();
            Assert.NotEqual(other, ours);
        }

        /// <summary>Apart, and never inlined: the JIT would load Azure.Core as soon as it compiled the test's own body.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static Version LoadOtherAzureCore() => typeof(global::Azure.Core.AccessToken).Assembly.GetName().Version!;

        /// <returns>The version of the Azure.Core the driver's context bound.</returns>
        private static async Task<Version> LoadGetTokenAndUnloadAsync()
        {
            AzureLibraries.LoadedAzure loaded = AzureLibraries.Load(Folder, collectible: true);
            try
            {
                var context = (AssemblyLoadContext)loaded.Context;
                Assert.NotSame(AssemblyLoadContext.Default, context);
                Assembly core = Assert.Single(context.Assemblies, a => a.GetName().Name == "Azure.Core");
                Assert.Equal(new Version(1, 50, 0, 0), core.GetName().Version);
                Assert.DoesNotContain(context.Assemblies, a => a.GetName().Name is "Containers.Core" or "Containers.Provisioning" or "System.Text.Json");

                // The static token path crosses the boundary as the shared AzureAccessToken (no Azure.Core type).
                IAzureTokenSource source = loaded.Entry.TokenSourceFactory()("header.eyJleHAiOjQxMDI0NDQ4MDB9.signature");
                AzureAccessToken token = await source.GetTokenAsync(new[] { "https://management.azure.com/.default" }, CancellationToken.None);
                Assert.Equal("header.eyJleHAiOjQxMDI0NDQ4MDB9.signature", token.Token);
                Assert.Equal(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), token.ExpiresOn);
                Assert.Equal("AccessToken", token.Source);

                IHostDriver driver = loaded.Entry.DriverFactory()(new AzureHostOptions());
                Assert.Equal(HostDrivers.Azure, driver.Name);

                // Azure.Core bound by the driver's own assembly is the context's, not the default's.
                Assembly entry = loaded.EntryType.Assembly;
                Assert.Same(context, AssemblyLoadContext.GetLoadContext(entry));
                return core.GetName().Version!;
            }
            finally
            {
                loaded.Unload();
            }
        }
    }
}
