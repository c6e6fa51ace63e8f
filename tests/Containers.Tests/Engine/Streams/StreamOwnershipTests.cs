using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Containers.Engine;
using Containers.Engine.Http;
using Xunit;

namespace Containers.Tests.Engine.Streams
{
    /// <summary>
    /// The engine client finishes its own streams: no endpoint hands out the raw HTTP answer (they return readers that
    /// own it), and Core, compiled, names nothing of the HTTP layer but the hijacked stream of attach and exec.
    /// </summary>
    public sealed class StreamOwnershipTests
    {
        [Fact]
        public void No_endpoint_returns_the_raw_answer()
        {
            var raw = typeof(EngineClient).Assembly.GetExportedTypes()
                .Where(type => type.Namespace == "Containers.Engine.Endpoints")
                .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Where(method => method.ReturnType == typeof(EngineResponse) || method.ReturnType == typeof(Task<EngineResponse>))
                .Select(method => method.DeclaringType!.Name + "." + method.Name);

            Assert.Empty(raw);
        }

        [Fact]
        public void Core_names_nothing_of_the_HTTP_layer_but_the_hijacked_stream()
        {
            using var pe = new PEReader(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Containers.Core.dll")));
            MetadataReader metadata = pe.GetMetadataReader();
            string[] http = metadata.TypeReferences
                .Select(handle => metadata.GetTypeReference(handle))
                .Where(type => metadata.GetString(type.Namespace) == "Containers.Engine.Http")
                .Select(type => metadata.GetString(type.Name))
                .Distinct()
                .ToArray();

            Assert.Equal(new[] { nameof(HijackedStream) }, http);
        }
    }
}
