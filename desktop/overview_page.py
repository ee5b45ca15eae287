"""The overview, first page after an analysis: key figures, the segments as a treemap (by
customers or revenue), what to do now, and every warning of the result with its fix.

Each tile and each "do this now" line leads to its customers and to an export of them.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rfm_engine.outputs import (
    CURRENCIES,
    ValueStyle,
    currency_of,
    do_now,
    grouped,
    label,
    money,
    overview,
    percent,
    segment_colours,
    segment_treemap,
)

from .chart_view import ChartView
from .engine_text import warning_text

ACTIVE_DAYS = 90


class Card(QFrame):
    """One key figure: a caption over a big number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(self)
        self.caption.setStyleSheet("color: palette(mid);")
        self.value = QLabel(self)
        self.value.setStyleSheet("font-size: 20pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set(self, caption: str, value: str, tip: str = "") -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.setToolTip(tip)


class OverviewPage(QWidget):
    """Key figures, treemap, "do this now" and the result's warnings."""

    show_segment = Signal(str)
    export_segment = Signal(str)
    fix_warning = Signal(object)  # an RfmWarning whose evidence suggests a setting
    currency_changed = Signal(str)
    target_clicked = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = None
        self.cards = [Card(self) for _ in range(6)]
        cards = QHBoxLayout()
        for card in self.cards:
            cards.addWidget(card)
        self.currency = QComboBox(self)
        self.currency.addItem(self.tr("Currency: guess from the columns"), None)
        self.currency.addItem(self.tr("No currency sign"), "")
        for code, sign in CURRENCIES.items():
            self.currency.addItem(f"{code} ({sign})", code)
        self.currency.activated.connect(
            lambda _: self.currency_changed.emit(self.chosen_currency())
        )
        self.currency_note = QLabel(self)
        self.size_by = QComboBox(self)
        self.size_by.addItem(self.tr("Tile size: customers"), "customers")
        self.size_by.addItem(self.tr("Tile size: revenue"), "revenue")
        self.size_by.currentIndexChanged.connect(self._draw_treemap)
        self.treemap = ChartView(self)
        self.treemap.clicked.connect(self.target_clicked)
        left = QVBoxLayout()
        top_row = QHBoxLayout()
        top_row.addWidget(self.size_by)
        top_row.addStretch(1)
        top_row.addWidget(self.currency_note)
        top_row.addWidget(self.currency)
        left.addLayout(top_row)
        left.addWidget(self.treemap, 1)
        self.todo_box = QGroupBox(self.tr("Do this now"), self)
        self.todo_layout = QGridLayout(self.todo_box)
        self.warning_box = QGroupBox(self.tr("Please check"), self)
        self.warning_layout = QVBoxLayout(self.warning_box)
        self.segments_box = QGroupBox(self.tr("Segments and actions"), self)
        self.segments_list = QLabel(self.segments_box)
        self.segments_list.setWordWrap(True)
        self.segments_list.setTextFormat(Qt.TextFormat.RichText)
        self.segments_list.linkActivated.connect(self.show_segment)
        QVBoxLayout(self.segments_box).addWidget(self.segments_list)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.warning_box)
        side_layout.addWidget(self.todo_box)
        side_layout.addWidget(self.segments_box)
        side_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(side)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(scroll, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(cards)
        layout.addLayout(body, 1)

    def chosen_currency(self) -> str | None:
        """The currency code chosen, ``""`` for none, ``None`` to guess."""
        return self.currency.currentData()

    def currency_code(self) -> str:
        """The currency shown: the one chosen, or the guess from the result's columns."""
        chosen = self.chosen_currency()
        if chosen is not None or self.result is None:
            return chosen or ""
        return currency_of(self.result)[0]

    def set_currency(self, code: str | None) -> None:
        index = self.currency.findData(code)
        self.currency.setCurrentIndex(max(index, 0))

    def set_result(self, result) -> None:
        self.result = result
        lang = result.config.lang
        code = self.currency_code()
        style = ValueStyle("money", code, lang)
        ov = overview(result)
        figures = [
            (label("customers", lang), grouped(ov.customers), ""),
            (
                label("active", lang, days=ACTIVE_DAYS),
                grouped(ov.active),
                percent(ov.active / max(ov.customers, 1)),
            ),
            (label("revenue", lang), style.short(ov.revenue), money(ov.revenue, code, lang)),
            (label("repeat_rate", lang), percent(ov.repeat_rate), ""),
            (label("aov", lang), money(ov.average_order, code, lang), ""),
            (
                label("at_risk", lang),
                style.short(ov.revenue_at_risk),
                money(ov.revenue_at_risk, code, lang),
            ),
        ]
        for card, (caption, value, tip) in zip(self.cards, figures, strict=True):
            card.set(caption, value, tip)
        guess, why = currency_of(result)
        if self.chosen_currency() is None:
            self.currency_note.setText(
                self.tr("guessed: {code}").format(code=guess)
                if guess
                else self.tr("no currency found")
            )
            # the engine's English reason: a tooltip in English only (no English in Chinese)
            self.currency_note.setToolTip(why if result.config.lang == "en" else "")
        else:
            self.currency_note.setText("")
        self._draw_treemap()
        self._fill_todo(result, style)
        self._fill_warnings(result)
        self._fill_segments(result)

    def _fill_segments(self, result) -> None:
        """Each segment in its colour, with its customers and action; a click lists them."""
        colours = segment_colours(result)
        rows = []
        for r in result.summary.itertuples():
            if not r.customers:
                continue
            rows.append(
                f'<p><span style="color:{colours[r.segment]}">■</span> '
                f'<a href="{r.segment}"><b>{escape(r.segment_name)}</b></a> '
                f"({grouped(r.customers)}) — {escape(r.action)}</p>"
            )
        self.segments_list.setText("".join(rows))

    def _draw_treemap(self) -> None:
        if self.result is not None:
            measure = self.size_by.currentData()
            self.treemap.set_spec(segment_treemap(self.result, measure, self.currency_code()))

    def _fill_todo(self, result, style: ValueStyle) -> None:
        _clear(self.todo_layout)
        lang = result.config.lang
        for row, item in enumerate(do_now(result)):
            text = QLabel(
                label(
                    "do_now_line",
                    lang,
                    segment=item["name"],
                    customers=grouped(item["customers"]),
                    revenue=style.short(item["revenue"]),
                    action=item["action"],
                ),
                self,
            )
            text.setWordWrap(True)
            show = QPushButton(self.tr("Customers"), self)
            show.clicked.connect(lambda _=False, k=item["segment"]: self.show_segment.emit(k))
            export = QPushButton(self.tr("Export…"), self)
            export.clicked.connect(lambda _=False, k=item["segment"]: self.export_segment.emit(k))
            self.todo_layout.addWidget(text, row, 0)
            self.todo_layout.addWidget(show, row, 1, Qt.AlignmentFlag.AlignTop)
            self.todo_layout.addWidget(export, row, 2, Qt.AlignmentFlag.AlignTop)
        self.todo_layout.setColumnStretch(0, 1)

    def _fill_warnings(self, result) -> None:
        _clear(self.warning_layout)
        self.warning_box.setVisible(bool(result.warnings))
        for warning in result.warnings:
            text = QLabel(warning_text(warning, result.config.lang), self)
            text.setToolTip(warning.message if result.config.lang == "en" else "")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.warning_layout.addWidget(text)
            breaks = warning.evidence.get("suggested_breaks") if warning.option else None
            if warning.code == "quantile_ties" and breaks:
                fix = QPushButton(
                    self.tr("Use fixed thresholds {breaks}…").format(
                        breaks=", ".join(f"{b:g}" for b in breaks)
                    ),
                    self,
                )
                fix.clicked.connect(lambda _=False, w=warning: self.fix_warning.emit(w))
                self.warning_layout.addWidget(fix, 0, Qt.AlignmentFlag.AlignLeft)


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
