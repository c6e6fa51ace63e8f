using Xunit;

namespace Containers.Tests.Metadata
{
    /// <summary>
    /// No two folders of one assembly depend on each other, directly or through others: each folder can be read, moved
    /// or split knowing only the folders below it. A namespace stands for a folder because every file's namespace is
    /// the project's root namespace plus its folder path (checked when this test was written; Engine's Models/*
    /// subfolders share the one namespace Containers.Engine.Models, so they count as one folder), and a parent namespace is
    /// a folder too: Containers.Engine holds EngineClient.cs, Containers.Engine.Http the files below it.
    /// </summary>
    public class FolderCircleTests
    {
        private const string SampleNamespaces = "Containers.Tests.Metadata.CircleSamples.";

        /// <summary>The assemblies under src/ this project builds; a new one is one more line.</summary>
        public static TheoryData<string> Assemblies => new()
        {
            "Containers.Engine.dll",
            "Containers.Provisioning.dll",
            "Containers.Core.dll",
            "Containers.dll",
            "Azure/Containers.Azure.dll",
        };

        [Theory]
        [MemberData(nameof(Assemblies))]
        public void No_two_folders_of_an_assembly_depend_on_each_other(string assembly)
        {
            NamespaceDependencies dependencies = NamespaceDependencies.Read(Path.Combine(AppContext.BaseDirectory, assembly));
            Assert.NotEmpty(dependencies.Uses);

            IReadOnlyList<string> circles = FolderCircles.Find(dependencies.Uses);

            Assert.True(circles.Count == 0, $"{assembly}: {circles.Count} folder circle(s):{Environment.NewLine}{string.Join(Environment.NewLine, circles)}");
        }

        [Fact]
        public void A_circle_made_in_compiler_generated_code_and_a_typeof_is_found_and_named()
        {
            NamespaceDependencies dependencies = NamespaceDependencies.Read(typeof(FolderCircleTests).Assembly.Location);

            IReadOnlyList<string> circles = FolderCircles.Find(Filter(dependencies.Uses, (from, to) =>
                from.StartsWith(SampleNamespaces, StringComparison.Ordinal) && to.StartsWith(SampleNamespaces, StringComparison.Ordinal)));

            string circle = Assert.Single(circles);
            Assert.StartsWith(SampleNamespaces + "Lower <-> " + SampleNamespaces + "Upper", circle, StringComparison.Ordinal);
            Assert.Contains("CircleSamples.Upper.UpperSample uses " + SampleNamespaces + "Lower.LowerSample", circle, StringComparison.Ordinal);
            Assert.Contains("CircleSamples.Lower.LowerSample uses " + SampleNamespaces + "Upper.UpperSample", circle, StringComparison.Ordinal);
        }

        private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Filter(
            IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> uses, Func<string, string, bool> keep) =>
            uses.ToDictionary(
                pair => pair.Key,
                pair => (IReadOnlyDictionary<string, string>)pair.Value.Where(use => keep(pair.Key, use.Key)).ToDictionary(use => use.Key, use => use.Value, StringComparer.Ordinal),
                StringComparer.Ordinal);
    }
}
