import type { PostStatus, PostVisibility } from '@kern/contracts';

/** A post as one reader sees it (`viewerMarkedHelpful` is theirs); `PostsRepository` answers them. */
export interface PostRecord {
  id: string;
  /** Its place in writing order (a bigint, as text): the cursor of a list of replies. */
  seq: string;
  threadId: string;
  authorId: string;
  opening: boolean;
  body: string;
  bodyHtml: string;
  visibility: PostVisibility;
  status: PostStatus;
  replyToPostId: string | null;
  helpfulCount: number;
  viewerMarkedHelpful: boolean;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}
