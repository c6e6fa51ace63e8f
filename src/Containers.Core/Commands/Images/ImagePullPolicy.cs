namespace Containers.Commands.Images
{
    /// <summary>When New-Container and Invoke-ContainerImage pull their image (docker create and run's --pull).</summary>
    public enum ImagePullPolicy
    {
        /// <summary>Pull only when the engine does not have the image: the default, as docker's.</summary>
        Missing,

        /// <summary>Pull before creating, so the container gets the registry's current image for the tag.</summary>
        Always,

        /// <summary>Never pull: a missing image is ImageNotFound and nothing is created.</summary>
        Never,
    }
}
