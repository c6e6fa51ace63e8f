namespace Containers.Errors
{
    /// <summary>
    /// Reads the engine's image-removal refusals. moby words them, in daemon/images/image_delete.go, as
    /// "conflict: unable to delete ID (must be forced) - image is being used by stopped container ID" and
    /// "conflict: unable to remove repository reference "NAME" (must force) - container ID is using its referenced image ID".
    /// They mention running containers, so they must never be read as container conflicts (whose advice is to start or
    /// stop the container).
    /// </summary>
    public static class ImageConflict
    {
        /// <summary>True when the message is the engine refusing to remove an image.</summary>
        public static bool IsImageRemovalRefusal(string message) =>
            Contains(message, "unable to delete") || Contains(message, "unable to remove repository reference");

        public static ImageConflictReason Read(string message)
        {
            if (Contains(message, "being used by running container"))
            {
                return ImageConflictReason.UsedByRunningContainer;
            }

            if (Contains(message, "being used by stopped container"))
            {
                return ImageConflictReason.UsedByStoppedContainer;
            }

            if (Contains(message, "is using its referenced image"))
            {
                return ImageConflictReason.NameUsedByContainer;
            }

            if (Contains(message, "referenced in multiple repositories") || Contains(message, "referenced in one or more repositories"))
            {
                return ImageConflictReason.SeveralNames;
            }

            return Contains(message, "dependent child images") ? ImageConflictReason.ChildImages : ImageConflictReason.Other;
        }

        /// <summary>True for the reasons that are a container using the image (the "in use" refusals).</summary>
        public static bool IsInUse(ImageConflictReason reason) =>
            reason == ImageConflictReason.UsedByRunningContainer
            || reason == ImageConflictReason.UsedByStoppedContainer
            || reason == ImageConflictReason.NameUsedByContainer;

        /// <summary>What the user can do about it, or null when there is nothing to say.</summary>
        public static string? Advice(ImageConflictReason reason)
        {
            switch (reason)
            {
                case ImageConflictReason.UsedByRunningContainer:
                    return "Stop and remove the containers that use the image first; -Force does not remove an image a running container uses.";
                case ImageConflictReason.UsedByStoppedContainer:
                    return "Remove the containers that use the image first, or use -Force.";
                case ImageConflictReason.NameUsedByContainer:
                    return "Remove the containers that use the image first, or use -Force to take the name off anyway.";
                case ImageConflictReason.SeveralNames:
                    return "Remove it by its names (repository:tag), or use -Force to remove every name and the image.";
                case ImageConflictReason.ChildImages:
                    return "Remove the images built on it first.";
                default:
                    return null;
            }
        }

        private static bool Contains(string message, string part) => message.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
