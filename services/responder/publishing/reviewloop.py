"""Replies to reviews from our own surveys: they have no platform to post to, they are shown
where Reviewloop publishes the review (API, widget, feed). Nothing to send: the reply appears
under the review when the worker confirms the publication, in that same transaction
(`replies.service.confirm_published` → `moderation.publication.reply_published`)."""

from dataclasses import dataclass

import httpx

from services.responder.publishing.base import Reply, Result


@dataclass(frozen=True)
class ReviewloopAdapter:
    channel: str = "reviewloop"

    async def deliver(self, http: httpx.AsyncClient, reply: Reply) -> Result:
        return Result("published")
