/**
 * A drop target for one file: highlights while a file is dragged over it and hands the dropped
 * file on. Dragged text is left alone, so a textarea keeps its own drop behaviour.
 */
export class FileDrop {
  dragging = $state(false);
  readonly #onFile: (file: File) => void;

  constructor(onFile: (file: File) => void) {
    this.#onFile = onFile;
  }

  ondragover = (event: DragEvent): void => {
    if (!(event.dataTransfer?.types.includes('Files') ?? false)) return;
    event.preventDefault();
    this.dragging = true;
  };

  ondragleave = (): void => {
    this.dragging = false;
  };

  ondrop = (event: DragEvent): void => {
    this.dragging = false;
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    this.#onFile(file);
  };
}
