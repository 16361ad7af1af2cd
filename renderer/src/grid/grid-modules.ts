import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomEditorModule,
  LargeTextEditorModule,
  ModuleRegistry,
  PinnedRowModule,
  RenderApiModule,
  RowApiModule,
  RowStyleModule,
  TextEditorModule,
  TooltipModule,
} from 'ag-grid-community';

// Only the grid features the screens use: all of AG Grid Community is about twice the code to load before the first screen.
// A feature used without its module logs "AG Grid: error #200" to the console, which the e2e tests refuse.
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  CellStyleModule,
  RowStyleModule,
  PinnedRowModule,
  TooltipModule,
  TextEditorModule,
  LargeTextEditorModule,
  CustomEditorModule,
  RowApiModule,
  CellApiModule,
  RenderApiModule,
  ColumnApiModule,
]);
